package io.shoplens.engine.funnel;

import static io.shoplens.engine.funnel.FunnelRuns.lines;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/** funnel_breakdown: first-touch, last-touch and step attribution, user and action dimensions. */
class FunnelBreakdownTest {

    private static LogTables tables;

    /**
     * A user funnel search, click, order (all within 7 days):
     * user 1: S 火锅 and C in a session from channel search, city 1; O the next day from
     * display_ad, city 2 (level 3). User 2: S 温泉 from social, city 2 (level 1). User 3: S 火锅,
     * C, O from search, city 1 (level 3). User 4 (no user_info): S 火锅 from direct, city 3
     * (unknown); C from social, city 2 (level 2).
     */
    @BeforeAll
    static void fixture() {
        SparkSession spark = TestSpark.session();
        tables = FunnelRuns.tables(
                        Act.in("a1").user(1).channel("search").city(1).at("10:00:00").search("火锅"),
                        Act.in("a1").user(1).channel("search").city(1).at("10:01:00").click(1, 10),
                        Act.in("a2").user(1).channel("display_ad").city(2).on("2019-07-18").at("09:00:00")
                                .order("1", "10"),
                        Act.in("b1").user(2).channel("social").city(2).at("10:00:00").search("温泉"),
                        Act.in("c1").user(3).channel("search").city(1).at("10:00:00").search("火锅"),
                        Act.in("c1").user(3).channel("search").city(1).at("10:01:00").click(1, 10),
                        Act.in("c1").user(3).channel("search").city(1).at("10:02:00").order("1", "10"),
                        Act.in("d1").user(4).channel("direct").city(3).at("10:00:00").search("火锅"),
                        Act.in("d2").user(4).channel("social").city(2).at("11:00:00").click(1, 10))
                .withCities(Fixtures.cities(spark, "1|北京|华北", "2|上海|华东"))
                .withUsers(Fixtures.users(spark, "1|u1|n1|30|teacher|x|male", "2|u2|n2|17|student|x|female",
                        "3|u3|n3|50|engineer|x|male"));
    }

    @Test
    void firstTouchIsTheStartsValue() {
        AnalysisResult result = run(FunnelDimension.CHANNEL, Attribution.FIRST_TOUCH);

        assertThat(result.table(FunnelAnalysis.BREAKDOWN).columns()).containsExactly("value", "step", "units",
                "conversion");
        assertThat(lines(result, FunnelAnalysis.BREAKDOWN)).containsExactly(
                "direct|1|1|1.0", "direct|2|1|1.0", "direct|3|0|0.0",
                "search|1|2|1.0", "search|2|2|1.0", "search|3|2|1.0",
                "social|1|1|1.0", "social|2|0|0.0", "social|3|0|0.0");
    }

    @Test
    void lastTouchIsTheLastMatchedActionsValue() {
        AnalysisResult result = run(FunnelDimension.CHANNEL, Attribution.LAST_TOUCH);

        // User 1's order came from display_ad, user 4's click from social.
        assertThat(lines(result, FunnelAnalysis.BREAKDOWN)).containsExactly(
                "display_ad|1|1|1.0", "display_ad|2|1|1.0", "display_ad|3|1|1.0",
                "search|1|1|1.0", "search|2|1|1.0", "search|3|1|1.0",
                "social|1|2|1.0", "social|2|1|0.5", "social|3|0|0.0");
    }

    @Test
    void stepAttributionReadsThatStepsActionAndNoneWithoutIt() {
        AnalysisResult second = run(FunnelDimension.CHANNEL, Attribution.step(2));
        assertThat(lines(second, FunnelAnalysis.BREAKDOWN)).containsExactly(
                "(none)|1|1|1.0", "(none)|2|0|0.0", "(none)|3|0|0.0",
                "search|1|2|1.0", "search|2|2|1.0", "search|3|2|1.0",
                "social|1|1|1.0", "social|2|1|1.0", "social|3|0|0.0");

        AnalysisResult third = run(FunnelDimension.CHANNEL, Attribution.step(3));
        assertThat(lines(third, FunnelAnalysis.BREAKDOWN)).containsExactly(
                "(none)|1|2|1.0", "(none)|2|1|0.5", "(none)|3|0|0.0",
                "display_ad|1|1|1.0", "display_ad|2|1|1.0", "display_ad|3|1|1.0",
                "search|1|1|1.0", "search|2|1|1.0", "search|3|1|1.0");
    }

    @Test
    void areaComesFromTheActionsCity() {
        AnalysisResult result = run(FunnelDimension.AREA, Attribution.FIRST_TOUCH);

        // Code point order: (unknown), 华东 (U+4E1C), 华北 (U+5317).
        assertThat(lines(result, FunnelAnalysis.BREAKDOWN)).containsExactly(
                "(unknown)|1|1|1.0", "(unknown)|2|1|1.0", "(unknown)|3|0|0.0",
                "华东|1|1|1.0", "华东|2|0|0.0", "华东|3|0|0.0",
                "华北|1|2|1.0", "华北|2|2|1.0", "华北|3|2|1.0");
    }

    @Test
    void keywordOfAnActionThatIsNoSearchIsNone() {
        AnalysisResult result = run(FunnelDimension.KEYWORD, Attribution.LAST_TOUCH);

        assertThat(lines(result, FunnelAnalysis.BREAKDOWN)).containsExactly(
                "(none)|1|3|1.0", "(none)|2|3|1.0", "(none)|3|2|" + (2.0 / 3),
                "温泉|1|1|1.0", "温泉|2|0|0.0", "温泉|3|0|0.0");
    }

    @Test
    void userAttributesDoNotDependOnTheAttribution() {
        AnalysisResult ages = run(FunnelDimension.AGE_GROUP, Attribution.step(3));
        // Youngest first, unknown last.
        assertThat(lines(ages, FunnelAnalysis.BREAKDOWN)).containsExactly(
                "<18|1|1|1.0", "<18|2|0|0.0", "<18|3|0|0.0",
                "25-34|1|1|1.0", "25-34|2|1|1.0", "25-34|3|1|1.0",
                "45-54|1|1|1.0", "45-54|2|1|1.0", "45-54|3|1|1.0",
                "unknown|1|1|1.0", "unknown|2|1|1.0", "unknown|3|0|0.0");

        AnalysisResult sexes = run(FunnelDimension.SEX, Attribution.FIRST_TOUCH);
        assertThat(lines(sexes, FunnelAnalysis.BREAKDOWN)).extracting(l -> l.substring(0, l.indexOf('|')))
                .containsExactly("female", "female", "female", "male", "male", "male", "unknown", "unknown",
                        "unknown");
    }

    private static AnalysisResult run(FunnelDimension dimension, Attribution attribution) {
        FunnelParams params = new FunnelParams(FunnelStep.parseList("search,click,order"), FunnelOrder.ORDERED,
                FunnelUnit.USER, Optional.empty(), Optional.of(dimension), attribution);
        AnalysisResult result = FunnelRuns.run(tables, params);
        assertThat(result.tables()).extracting(t -> t.name()).containsExactly(FunnelAnalysis.STEPS,
                FunnelAnalysis.TIMES, FunnelAnalysis.BREAKDOWN, FunnelAnalysis.DROPOFF, FunnelAnalysis.CORRELATION);
        return result;
    }
}
