package io.shoplens.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

class ModelFilterTest {

    private static SessionModel model;

    @BeforeAll
    static void fixture() {
        SparkSession spark = TestSpark.session();
        LogTables tables = LogTables.empty(spark)
                .withActions(Fixtures.actions(spark,
                        "2019-07-17|1|s1|1|2019-07-17 10:00:00|火锅",
                        "2019-07-17|1|s1|2|2019-07-17 10:00:05||3|30",
                        "2019-07-18|2|s2|1|2019-07-18 09:00:00||4|40",
                        "2019-07-18|9|s3|1|2019-07-18 09:00:00|'; drop",
                        // s4 runs past midnight: a search and a pay on the 17th, a click and a pay on the 18th.
                        "2019-07-17|2|s4|1|2019-07-17 23:59:00|温泉",
                        "2019-07-17|2|s4|2|2019-07-17 23:59:30||||||5|50|||10.5",
                        "2019-07-18|2|s4|3|2019-07-18 00:00:10||7|70",
                        "2019-07-18|2|s4|4|2019-07-18 00:01:00||||||7|70|||2.25"))
                .withUsers(Fixtures.users(spark,
                        "1|u1|n1|30|teacher|city1|male",
                        "2|u2|n2|50|engineer|city2|female"));
        model = SessionModel.of(tables);
    }

    @Test
    void noFilterKeepsEverySession() {
        assertThat(sessions(SessionFilter.NONE)).containsExactly("s1", "s2", "s3", "s4");
    }

    @Test
    void dateRangeKeepsTheActionsOfItsDates() {
        SessionFilter f = SessionFilter.NONE.withDates(LocalDate.of(2019, 7, 18), LocalDate.of(2019, 7, 18));
        assertThat(sessions(f)).containsExactly("s2", "s3", "s4");
    }

    @Test
    void aCutSessionIsMadeOfTheActionsLeft() {
        Row after = row(SessionFilter.NONE.withDates(LocalDate.of(2019, 7, 18), null), "s4");
        assertThat(after.<Long>getAs(SessionColumns.STEPS)).isEqualTo(2L);
        assertThat(after.<Long>getAs(SessionColumns.VISIT_SECONDS)).isEqualTo(50L);
        assertThat(after.<java.sql.Date>getAs(SessionColumns.FIRST_DATE).toLocalDate()).isEqualTo(LocalDate.of(2019, 7, 18));
        assertThat(after.<Long>getAs(SessionColumns.ORDERS)).isEqualTo(1L);
        assertThat(after.<BigDecimal>getAs(SessionColumns.GMV)).isEqualByComparingTo("2.25");
        assertThat(after.getList(after.fieldIndex(SessionColumns.KEYWORDS))).isEmpty();
        assertThat(after.getList(after.fieldIndex(SessionColumns.CLICK_CATEGORIES))).containsExactly(7L);
        assertThat(after.<String>getAs(SessionColumns.SEX)).isEqualTo("female");

        Row before = row(SessionFilter.NONE.withDates(null, LocalDate.of(2019, 7, 17)), "s4");
        assertThat(before.<Long>getAs(SessionColumns.STEPS)).isEqualTo(2L);
        assertThat(before.<Long>getAs(SessionColumns.VISIT_SECONDS)).isEqualTo(30L);
        assertThat(before.<BigDecimal>getAs(SessionColumns.GMV)).isEqualByComparingTo("10.5");
        assertThat(before.getList(before.fieldIndex(SessionColumns.KEYWORDS))).containsExactly("温泉");

        Row whole = row(SessionFilter.NONE, "s4");
        assertThat(whole.<Long>getAs(SessionColumns.STEPS)).isEqualTo(4L);
        assertThat(whole.<BigDecimal>getAs(SessionColumns.GMV)).isEqualByComparingTo("12.75");
        assertThat(whole.<Long>getAs(SessionColumns.ORDERS)).isEqualTo(2L);
    }

    @Test
    void userAttributesDropUnknownUsers() {
        assertThat(sessions(SessionFilter.NONE.withAges(20, 60))).containsExactly("s1", "s2", "s4");
        assertThat(sessions(SessionFilter.NONE.withAges(40, 60))).containsExactly("s2", "s4");
        assertThat(sessions(SessionFilter.NONE.withSexes(List.of("female")))).containsExactly("s2", "s4");
        assertThat(sessions(SessionFilter.NONE.withCities(List.of("city1")).withProfessionals(List.of("teacher"))))
                .containsExactly("s1");
    }

    @Test
    void keywordsAndCategoriesMatchWholeSessions() {
        assertThat(sessions(SessionFilter.NONE.withKeywords(List.of("火锅")))).containsExactly("s1");
        assertThat(sessions(SessionFilter.NONE.withCategories(List.of(3L)))).containsExactly("s1");
        // A user value is data, never SQL text.
        assertThat(sessions(SessionFilter.NONE.withKeywords(List.of("'; drop")))).containsExactly("s3");
    }

    @Test
    void keywordFilterLooksOnlyAtTheActionsInTheDateRange() {
        SessionFilter f = SessionFilter.NONE.withKeywords(List.of("温泉"));
        assertThat(sessions(f)).containsExactly("s4");
        assertThat(sessions(f.withDates(LocalDate.of(2019, 7, 18), null))).isEmpty();
    }

    private static List<String> sessions(SessionFilter filter) {
        return model.sessions(filter).orderBy(SessionColumns.SESSION_ID).collectAsList().stream()
                .map((Row r) -> r.<String>getAs(SessionColumns.SESSION_ID)).toList();
    }

    private static Row row(SessionFilter filter, String session) {
        return model.sessions(filter).filter(org.apache.spark.sql.functions.col(SessionColumns.SESSION_ID)
                .equalTo(session)).collectAsList().get(0);
    }
}
