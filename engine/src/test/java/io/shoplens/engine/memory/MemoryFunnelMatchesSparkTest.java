package io.shoplens.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.shoplens.engine.run.MemoryAnalyses;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.model.SuspectRules;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.funnel.FunnelParams;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.SameResults;
import io.shoplens.engine.testing.TestSpark;

/**
 * The in-memory funnel against the Spark funnel, table by table and value by value: on a fixture
 * made to tell the modes apart (every step kind, order, unit, window, breakdown and attribution,
 * and the filter with and without suspects) and on the sample logs with a few everyday requests.
 */
@ExtendWith(SampleShop.class)
class MemoryFunnelMatchesSparkTest {

    private static SparkAndMemoryModel shop;
    private static SparkAndMemoryModel fixture;

    @BeforeAll
    static void load(SparkAndMemoryModel sampleShop) {
        shop = sampleShop;
        fixture = SparkAndMemoryModel.of(fixtureTables(TestSpark.session()));
    }

    @AfterAll
    static void close() {
        if (fixture != null) {
            fixture.release();
        }
    }

    static Stream<Arguments> fixtureRequests() {
        SessionFilter none = SessionFilter.NONE;
        return Stream.of(
                // Ordered: the default, a session window, user windows (the default 7 days, one day, none at all).
                Arguments.of(none, params("search,click,order,pay", "ordered", "session", null, null, null)),
                Arguments.of(none, params("search,click,order,pay", "ordered", "session", 30, "channel", null)),
                Arguments.of(none, params("search,click,order,pay", "ordered", "user", null, "area", "last_touch")),
                Arguments.of(none, params("search,click,order,pay", "ordered", "user", 1440, "keyword", "step:2")),
                Arguments.of(none, params("search:温泉,click,pay", "ordered", "user", 0, "area", "step:2")),
                Arguments.of(none, params("search:火锅,click:category:1,order:category:1,pay:product:10", "ordered",
                        "session", null, "professional", "last_touch")),
                // Strict: consecutive actions only, with and without a window.
                Arguments.of(none, params("search,click,order,pay", "strict", "session", null, "keyword", null)),
                Arguments.of(none, params("search,click,order,pay", "strict", "user", 60, "sex", "last_touch")),
                Arguments.of(none, params("page:1,page:2,page:4,page:5", "strict", "session", null, "channel",
                        "step:4")),
                // Any order: steps before and after each other, repeated kinds, windows.
                Arguments.of(none, params("search,click,order,pay", "any", "session", null, "professional", null)),
                Arguments.of(none, params("search,click,order,pay", "any", "session", 5, "age_group", "last_touch")),
                Arguments.of(none, params("search,click,order,pay", "any", "user", null, "keyword", "first_touch")),
                Arguments.of(none, params("click:product:11,order,pay:category:2", "any", "user", 120, "channel",
                        "step:3")),
                Arguments.of(none, params("click,click,pay:product:13", "any", "session", null, "area", "step:3")),
                Arguments.of(none, params("pay,search", "ordered", "user", 100000, "age_group", null)),
                // The filter: a date range that cuts a user's sessions, user values, and suspects left out.
                Arguments.of(none.withDates(LocalDate.of(2019, 7, 18), LocalDate.of(2019, 7, 19)).withSexes(
                        List.of("female", "male")), params("search,click,pay", "ordered", "user", null, "sex",
                        null)),
                Arguments.of(none.withExcludeSuspects(true), params("search,click,order,pay", "ordered", "session",
                        null, "channel", null)),
                Arguments.of(none.withExcludeSuspects(true), params("search,click,order,pay", "any", "user", 60,
                        "area", "last_touch")));
    }

    static Stream<Arguments> sampleRequests() {
        SessionFilter none = SessionFilter.NONE;
        return Stream.of(
                Arguments.of(none, FunnelParams.defaults()),
                Arguments.of(none, params("search,click,order,pay", "ordered", "user", null, "area", "last_touch")),
                Arguments.of(none.withAges(20, 45), params("search:火锅,click,pay", "strict", "session", 30,
                        "keyword", null)),
                Arguments.of(none.withExcludeSuspects(true), params("page:1,page:2,page:3", "any", "user", 60,
                        "channel", "step:2")));
    }

    @ParameterizedTest(name = "fixture: {0} {1}")
    @MethodSource("fixtureRequests")
    void theFixtureFunnelIsTheSparkFunnel(SessionFilter filter, FunnelParams params) {
        assertSame(fixture, filter, params);
    }

    @ParameterizedTest(name = "sample: {0} {1}")
    @MethodSource("sampleRequests")
    void theSampleFunnelIsTheSparkFunnel(SessionFilter filter, FunnelParams params) {
        assertSame(shop, filter, params);
    }

    private static void assertSame(SparkAndMemoryModel model, SessionFilter filter, FunnelParams params) {
        AnalysisResult expected = FunnelAnalysis.run(AnalysisInput.of(model.spark(), filter), params);
        // A request whose first step no unit reaches would compare empty tables and prove little.
        assertThat(expected.table(FunnelAnalysis.STEPS).value(0, "units")).as("units at step 1")
                .isNotEqualTo(0L);
        List<MemorySession> sessions = MemoryFilter.apply(model.memory(), filter, suspects(model, filter));
        SameResults.assertSameTables("in memory as on Spark",
                expected, MemoryFunnelAnalysis.run(model.memory(), sessions, params));
    }

    /** The suspects the Spark rules find on the whole model, as the workspace hands them to the filter. */
    private static Set<Long> suspects(SparkAndMemoryModel model, SessionFilter filter) {
        if (!filter.excludeSuspects()) {
            return Set.of();
        }
        return SuspectRules.suspectUsers(model.spark(), AudienceParams.DEFAULT_MIN_DWELL_SECONDS).collectAsList()
                .stream().filter(r -> !r.isNullAt(0)).map(r -> r.getLong(0)).collect(Collectors.toSet());
    }

    private static FunnelParams params(String steps, String order, String unit, Integer window, String breakdown,
                                       String attribution) {
        return FunnelParams.parse(steps, order, unit, window, breakdown, attribution);
    }

    /**
     * Sessions that tell the modes apart: a later start that reaches further within a window, a
     * strict run and a run with actions between, steps in reverse order, a tie in time, a user's
     * sessions days apart, a keyword of spaces (a search to Spark), a click with category -1, a
     * blank channel and professional, a channel of a tab (not blank to Spark's trim, which trims
     * spaces only), a keyword outside the BMP, an unknown user, a session
     * without a user and one of two users, cities with no or two areas, and pays that make user 2
     * a suspect (a pay without a click as the session's first action).
     */
    private static LogTables fixtureTables(SparkSession spark) {
        return LogTables.empty(spark)
                .withCities(Fixtures.cities(spark, "1|北京|华北", "2|上海|华东", "3|无区|", "2|上海|华南"))
                .withUsers(Fixtures.users(spark, "1|u1|n1|30|teacher|上海|male", "2|u2|n2|17|student|武汉|female",
                        "3|u3|n3||engineer|上海|", "4|u4|n4|52| |北京|female"))
                .withActions(Fixtures.actions(spark,
                        "2019-07-17|1|s1|1|2019-07-17 10:00:00|火锅|||||||1|search|",
                        "2019-07-17|1|s1|2|2019-07-17 10:01:00||1|10|||||1|search|",
                        "2019-07-17|1|s1|3|2019-07-17 10:40:00|火锅|||||||2|search|",
                        "2019-07-17|1|s1|2|2019-07-17 10:41:00||2|11|||||2|search|",
                        "2019-07-17|1|s1|4|2019-07-17 10:45:00||||1,2|10,11|||2|search|",
                        "2019-07-17|1|s1|5|2019-07-17 10:50:00||||||1,2|10,11|2|search|7.5",
                        "2019-07-18|1|s2|1|2019-07-18 09:00:00|温泉|||||||2|display_ad|",
                        "2019-07-18|1|s2|2|2019-07-18 09:00:00||1|10|||||2|display_ad|",
                        "2019-07-18|1|s2|5|2019-07-18 09:30:00||||||1|10|2|display_ad|3",
                        "2019-07-20|1|s3|1|2019-07-20 11:00:00|火锅|||||||1|social|",
                        "2019-07-20|1|s3|2|2019-07-20 11:05:00||3|12|||||1|social|",
                        "2019-07-20|1|s3|4|2019-07-20 11:06:00||||3|12|||1|social|",
                        "2019-07-17|2|s4|1|2019-07-17 12:00:00|  |||||||3| |",
                        "2019-07-17|2|s4|2|2019-07-17 12:00:10||1|10|||||3| |",
                        "2019-07-17|2|s4|4|2019-07-17 12:00:20||||1|10|||3| |",
                        "2019-07-17|2|s4|5|2019-07-17 12:00:30||||||1|10|3| |2",
                        "2019-07-19|2|s5|5|2019-07-19 08:00:00||||||2|11|1|direct|4",
                        "2019-07-19|2|s5|2|2019-07-19 08:02:00||2|11|||||1|direct|",
                        "2019-07-19|2|s5|4|2019-07-19 08:03:00||||2|11|||1|direct|",
                        "2019-07-19|2|s5|1|2019-07-19 08:04:00|火锅|||||||1|direct|",
                        "2019-07-19|2|s5|2|2019-07-19 08:05:00||1|10|||||1|direct|",
                        "2019-07-17|3|s6|1|2019-07-17 10:00:00|火锅|||||||9|search|",
                        "2019-07-17|3|s6|2|2019-07-17 12:00:00||1|10|||||9|search|",
                        "2019-07-17|3|s6|1|2019-07-17 12:30:00|温泉|||||||9|search|",
                        "2019-07-17|3|s6|2|2019-07-17 12:40:00||2|11|||||9|search|",
                        "2019-07-17|3|s6|4|2019-07-17 13:00:00||||2|11|||9|search|",
                        "2019-07-17|3|s6|5|2019-07-17 14:00:00||||||2|11|9|search|6",
                        "2019-07-18|3|s7|6|2019-07-18 10:00:00||||||||1|direct|",
                        "2019-07-18|9|s8|1|2019-07-18 15:00:00|火锅|||||||3|social|",
                        "2019-07-18|9|s8|2|2019-07-18 15:01:00||-1|10|||||3|social|",
                        "2019-07-18|9|s8|4|2019-07-18 15:02:00||||1,-1|10|||3|social|",
                        "2019-07-19||s9|1|2019-07-19 16:00:00|火锅|||||||2|search|",
                        "2019-07-19||s9|2|2019-07-19 16:01:00||1|10|||||2|search|",
                        "2019-07-19|4|s10|1|2019-07-19 17:00:00|𝄞|||||||2|social|",
                        "2019-07-19|4|s10|2|2019-07-19 17:10:00||5|13|||||2|social|",
                        "2019-07-19|4|s10|4|2019-07-19 17:20:00||||5|13|||2|social|",
                        "2019-07-19|4|s10|5|2019-07-19 17:30:00||||||5|13|2|social|9",
                        "2019-07-19|4|s12|1|2019-07-19 17:10:00|温泉|||||||1|search|",
                        "2019-07-19|4|s13|1|2019-07-19 18:00:00|火锅|||||||2|\t|",
                        "2019-07-19|4|s13|2|2019-07-19 18:01:00||5|13|||||2|\t|",
                        "2019-07-20|2|s11|1|2019-07-20 20:00:00|温泉|||||||2|search|",
                        "2019-07-20|3|s11|2|2019-07-20 20:01:00||2|11|||||2|search|",
                        "2019-07-20|3|s11|5|2019-07-20 20:02:00||||||2|11|2|search|1"));
    }
}
