package io.shoplens.engine.audience;

import static io.shoplens.engine.audience.AudienceLines.pay;
import static io.shoplens.engine.audience.AudienceLines.search;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.testing.Tables;

/**
 * Habit buyers and their lapse over base 07-01..07-07 and current 07-08..07-14.
 * <pre>
 * user  base pays (date category/products)              current pays
 *  21   01 1/100, 07 1/"100,101"                         09 2/101, 10 2/101, 11 3/102, 12 10/103 ×2
 *  22   02 1/110 ×2, 02 7/170
 *  23   03 04 05 1/110                                   10 "1,2"/"100,101"
 *  24   01 02 1/100                                      (pays 1/100 on 07-15, after the current period)
 *  25   06 07 1/110                                      09 "2,3"/"101,102"
 *  26   01 02 5/150                                      09 2/104
 *  27   03 6/160 ×2                                      (searches on 07-10)
 * </pre>
 * Base pays per category: 1: 11, 5: 2, 6: 2, 7: 1. Users active in the current period: 21, 23, 25,
 * 26, 27. Payers there: category 2: 21, 23, 25, 26; 3: 21, 25; 10: 21; product 101: 21, 23, 25;
 * 102: 21, 25; 103: 21.
 */
class LapsedBuyersTest {

    private static AnalysisInput input;
    private static Dataset<Row> actions;

    @BeforeAll
    static void fixture() {
        SparkSession spark = TestSpark.session();
        LogTables tables = LogTables.empty(spark).withActions(Fixtures.actions(spark,
                pay(21, "a", "2019-07-01 10:00:00", "1", "100", ""),
                pay(21, "b", "2019-07-07 10:00:00", "1", "100,101", ""),
                pay(21, "c", "2019-07-09 10:00:00", "2", "101", ""),
                pay(21, "d", "2019-07-10 10:00:00", "2", "101", ""),
                pay(21, "e", "2019-07-11 10:00:00", "3", "102", ""),
                pay(21, "f", "2019-07-12 10:00:00", "10", "103", ""),
                pay(21, "f", "2019-07-12 10:00:01", "10", "103", ""),
                pay(22, "g", "2019-07-02 10:00:00", "1", "110", ""),
                pay(22, "g", "2019-07-02 10:00:01", "1", "110", ""),
                pay(22, "g", "2019-07-02 10:00:02", "7", "170", ""),
                pay(23, "h", "2019-07-03 10:00:00", "1", "110", ""),
                pay(23, "i", "2019-07-04 10:00:00", "1", "110", ""),
                pay(23, "j", "2019-07-05 10:00:00", "1", "110", ""),
                pay(23, "k", "2019-07-10 10:00:00", "1,2", "100,101", ""),
                pay(24, "l", "2019-07-01 11:00:00", "1", "100", ""),
                pay(24, "m", "2019-07-02 11:00:00", "1", "100", ""),
                pay(24, "n", "2019-07-15 11:00:00", "1", "100", ""),
                pay(25, "o", "2019-07-06 12:00:00", "1", "110", ""),
                pay(25, "p", "2019-07-07 12:00:00", "1", "110", ""),
                pay(25, "q", "2019-07-09 12:00:00", "2,3", "101,102", ""),
                pay(26, "r", "2019-07-01 13:00:00", "5", "150", ""),
                pay(26, "s", "2019-07-02 13:00:00", "5", "150", ""),
                pay(26, "t", "2019-07-09 13:00:00", "2", "104", ""),
                pay(27, "u", "2019-07-03 14:00:00", "6", "160", ""),
                pay(27, "u", "2019-07-03 14:00:01", "6", "160", ""),
                search(27, "v", "2019-07-10 14:00:00", "x", "")));
        input = AnalysisInput.of(tables, SessionFilter.NONE);
        actions = PeriodActions.of(input.sessions(), new AudiencePeriods(TagsFixture.BASE, TagsFixture.CURRENT));
    }

    @Test
    void byDefaultTheThreeCategoriesWithMostBasePaysTiesById() {
        AnalysisResult result = AudienceAnalysis.run(input, params(List.of()));
        ResultTable summary = result.table("lapsed_summary");
        assertThat(summary.columns()).containsExactly("lapsed", "habit_buyers", "lapsed_buyers", "lapse_rate");
        assertThat(Tables.lines(summary)).containsExactly(
                // 21 (exactly 2 dates), 23, 24, 25; 22 paid twice on one date. 23 paid again.
                "category:1|4|3|0.75",
                "category:5|1|1|1.0",
                // two pays on one date make no habit: the rate is empty
                "category:6|0|0|");
        ResultTable substitutes = result.table("lapsed_substitutes");
        assertThat(substitutes.columns())
                .containsExactly("lapsed", "rank", "item", "buyers", "pays", "share", "switch_index");
        assertThat(Tables.lines(substitutes)).containsExactly(
                // lapsed 21, 24 (absent), 25. Category 2: share 2/3 over 4 of 5 active users paying
                "category:1|1|category:2|2|3|0.6666666666666666|0.8333333333333333",
                // equal pays: 3 before 10. 3: (2/3) / (2/5); 10: (1/3) / (1/5)
                "category:1|2|category:3|2|2|0.6666666666666666|1.6666666666666665",
                "category:1|3|category:10|1|2|0.3333333333333333|1.6666666666666665",
                "category:5|1|category:2|1|1|1.0|1.25");
    }

    @Test
    void givenHabitsInTheirOrderAtTheirOwnLevel() {
        List<ResultTable> tables = LapsedBuyers.tables(TestSpark.session(), LapsedBuyers.habitsOf(
                List.of(Item.parse("product:100"), Item.parse("category:1"), Item.parse("product:100")), actions),
                actions, AudienceParams.DEFAULT_HABIT_DAYS);
        assertThat(Tables.lines(tables.get(1))).containsExactly("product:100|2|2|1.0", "category:1|4|3|0.75");
        assertThat(Tables.lines(tables.get(0))).containsExactly(
                // user 21's products; 101 and 103 tie at 2 pays. 101: 0.5 / (3/5)
                "product:100|1|product:101|1|2|0.5|0.8333333333333334",
                "product:100|2|product:103|1|2|0.5|2.5",
                "product:100|3|product:102|1|1|0.5|1.25",
                "category:1|1|category:2|2|3|0.6666666666666666|0.8333333333333333",
                "category:1|2|category:3|2|2|0.6666666666666666|1.6666666666666665",
                "category:1|3|category:10|1|2|0.3333333333333333|1.6666666666666665");
    }

    @Test
    void aHabitNeedsHabitDaysDistinctDates() {
        // With 3 days only user 23 (07-03, 04, 05) has the habit, and paid again.
        List<ResultTable> tables = LapsedBuyers.tables(TestSpark.session(), List.of(Item.parse("category:1")),
                actions, 3);
        assertThat(Tables.lines(tables.get(1))).containsExactly("category:1|1|0|0.0");
        assertThat(tables.get(0).rows()).isEmpty();
    }

    @Test
    void theTopTenSubstitutesOnly() {
        // User 31's habit of category 40 lapses into one pay each of categories 41 to 52.
        SparkSession spark = TestSpark.session();
        List<String> lines = new java.util.ArrayList<>(List.of(
                pay(31, "w", "2019-07-01 10:00:00", "40", "", ""),
                pay(31, "x", "2019-07-02 10:00:00", "40", "", "")));
        for (int category = 52; category >= 41; category--) {
            lines.add(pay(31, "y", String.format("2019-07-09 10:00:%02d", 60 - category), String.valueOf(category), "", ""));
        }
        Dataset<Row> one = PeriodActions.of(AnalysisInput.of(LogTables.empty(spark)
                        .withActions(Fixtures.actions(spark, lines.toArray(String[]::new))), SessionFilter.NONE).sessions(),
                new AudiencePeriods(TagsFixture.BASE, TagsFixture.CURRENT));
        List<ResultTable> tables = LapsedBuyers.tables(spark, List.of(Item.parse("category:40")), one, 2);
        assertThat(tables.get(0).rows()).extracting(r -> (String) r.get(2)).containsExactly("category:41",
                "category:42", "category:43", "category:44", "category:45", "category:46", "category:47",
                "category:48", "category:49", "category:50");
        assertThat(Tables.lines(tables.get(0)).get(9)).isEqualTo("category:40|10|category:50|1|1|1.0|1.0");
    }

    private static AudienceParams params(List<Item> lapsed) {
        AudienceParams defaults = AudienceParams.defaults();
        return new AudienceParams(Optional.of(TagsFixture.BASE), Optional.of(TagsFixture.CURRENT), Optional.empty(),
                lapsed, defaults.likeClicks(), defaults.habitDays(), defaults.minUsers(), defaults.lookalikes(),
                defaults.minDwellSeconds(), defaults.asOf(), defaults.paidChannels());
    }
}
