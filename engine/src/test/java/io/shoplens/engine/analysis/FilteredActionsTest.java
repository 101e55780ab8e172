package io.shoplens.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

class FilteredActionsTest {

    private static LogTables tables;

    @BeforeAll
    static void fixture() {
        SparkSession spark = TestSpark.session();
        tables = LogTables.empty(spark)
                .withActions(Fixtures.actions(spark,
                        "2019-07-17|1|s1|1|2019-07-17 10:00:00|火锅",
                        "2019-07-17|1|s1|2|2019-07-17 10:00:05||3|30",
                        "2019-07-18|2|s2|1|2019-07-18 09:00:00||4|40",
                        "2019-07-18|9|s3|1|2019-07-18 09:00:00|'; drop"))
                .withUsers(Fixtures.users(spark,
                        "1|u1|n1|30|teacher|city1|male",
                        "2|u2|n2|50|engineer|city2|female"));
    }

    @Test
    void noFilterKeepsEverything() {
        assertThat(sessions(SessionFilter.NONE)).containsExactly("s1", "s1", "s2", "s3");
    }

    @Test
    void dateRangeFiltersActions() {
        SessionFilter f = SessionFilter.NONE.withDates(LocalDate.of(2019, 7, 18), LocalDate.of(2019, 7, 18));
        assertThat(sessions(f)).containsExactly("s2", "s3");
    }

    @Test
    void userAttributesDropUnknownUsers() {
        assertThat(sessions(SessionFilter.NONE.withAges(20, 60))).containsExactly("s1", "s1", "s2");
        assertThat(sessions(SessionFilter.NONE.withAges(40, 60))).containsExactly("s2");
        assertThat(sessions(SessionFilter.NONE.withSexes(List.of("female")))).containsExactly("s2");
        assertThat(sessions(SessionFilter.NONE.withCities(List.of("city1")).withProfessionals(List.of("teacher"))))
                .containsExactly("s1", "s1");
    }

    @Test
    void keywordsAndCategoriesMatchWholeSessions() {
        assertThat(sessions(SessionFilter.NONE.withKeywords(List.of("火锅")))).containsExactly("s1", "s1");
        assertThat(sessions(SessionFilter.NONE.withCategories(List.of(3L)))).containsExactly("s1", "s1");
        // A user value is data, never SQL text.
        assertThat(sessions(SessionFilter.NONE.withKeywords(List.of("'; drop")))).containsExactly("s3");
    }

    private static List<String> sessions(SessionFilter filter) {
        return FilteredActions.of(tables, filter).orderBy("session_id", "action_time").collectAsList().stream()
                .map((Row r) -> r.getString(r.fieldIndex("session_id"))).toList();
    }
}
