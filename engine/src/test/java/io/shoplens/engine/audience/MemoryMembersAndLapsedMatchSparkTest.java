package io.shoplens.engine.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.memory.MemorySuspectRules;
import io.shoplens.engine.memory.SampleShop;
import io.shoplens.engine.memory.SparkAndMemoryModel;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.model.SuspectRules;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * The in-memory member tables (suspects, suspect_users, rfm, tier_moves, amplification) and
 * lapsed tables against the Spark ones, value for value and row for row: on the sample shop under
 * the defaults, given habits, an as-of date, other paid channels, a min dwell and a filter; on
 * fixtures with bursts, concentrated pays, sessions without a user and lapsed habits.
 */
@ExtendWith(SampleShop.class)
class MemoryMembersAndLapsedMatchSparkTest {

    private static SparkAndMemoryModel shop;
    private static SparkAndMemoryModel awkward;
    private static SparkAndMemoryModel tags;

    @BeforeAll
    static void load(SparkAndMemoryModel sampleShop) {
        shop = sampleShop;
        awkward = SparkAndMemoryModel.of(awkwardTables(TestSpark.session()));
        tags = SparkAndMemoryModel.of(TagsFixture.tables());
    }

    @AfterAll
    static void release() {
        if (awkward != null) {
            awkward.release();
        }
        if (tags != null) {
            tags.release();
        }
    }

    static Stream<Arguments> cases() {
        AudienceParams d = AudienceParams.defaults();
        AudienceParams habitsAsOfChannelsDwell = new AudienceParams(Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(Item.parse("category:15"), Item.parse("product:15"),
                        Item.parse("category:5"), Item.parse("category:15"), Item.parse("product:999")),
                d.likeClicks(), 1, d.minUsers(), d.lookalikes(), 30, Optional.of(LocalDate.of(2019, 8, 1)),
                List.of("search", "social"));
        AudienceParams givenPeriods = new AudienceParams(Optional.of(DateRange.parse("2019-07-20..2019-07-26")),
                Optional.of(DateRange.parse("2019-07-27..2019-08-02")), Optional.empty(), List.of(),
                d.likeClicks(), 3, d.minUsers(), d.lookalikes(), d.minDwellSeconds(), Optional.empty(),
                d.paidChannels());
        AudienceParams awkwardHabits = new AudienceParams(Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(Item.parse("product:50"), Item.parse("category:1"), Item.parse("product:30")),
                d.likeClicks(), 2, d.minUsers(), d.lookalikes(), 5, Optional.of(LocalDate.of(2019, 7, 20)),
                List.of("search"));
        AudienceParams tagHabits = new AudienceParams(Optional.of(TagsFixture.BASE), Optional.of(TagsFixture.CURRENT),
                Optional.empty(), List.of(Item.parse("category:1"), Item.parse("category:2"), Item.parse("product:12")),
                d.likeClicks(), 1, d.minUsers(), d.lookalikes(), d.minDwellSeconds(), Optional.empty(),
                List.of("direct", "recommend"));
        return Stream.of(
                Arguments.of("shop", "defaults", SessionFilter.NONE, d),
                Arguments.of("shop", "habits, as-of, paid channels, min dwell", SessionFilter.NONE,
                        habitsAsOfChannelsDwell),
                Arguments.of("shop", "dates and ages, given periods",
                        SessionFilter.NONE.withDates(LocalDate.of(2019, 7, 20), LocalDate.of(2019, 8, 5))
                                .withAges(20, 45), givenPeriods),
                Arguments.of("awkward", "habits, as-of, paid channels, min dwell", SessionFilter.NONE, awkwardHabits),
                Arguments.of("tags", "given periods and habits", SessionFilter.NONE, tagHabits));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void memberAndLapsedTablesAreTheSparkTables(String data, String label, SessionFilter filter,
                                                AudienceParams params) {
        SparkAndMemoryModel model = switch (data) {
            case "shop" -> shop;
            case "awkward" -> awkward;
            default -> tags;
        };
        AnalysisInput input = AnalysisInput.of(model.spark(), filter);
        List<MemorySession> sessions = MemoryFilter.apply(model.memory(), filter, Set.of());

        List<ResultTable> expected = new ArrayList<>(AudienceMembers.tables(input, params));
        AudiencePeriods periods = AudiencePeriods.of(params, input.sessions()).orElseThrow();
        Dataset<Row> actions = PeriodActions.of(input.sessions(), periods);
        expected.addAll(LapsedBuyers.tables(input.sessions().sparkSession(),
                LapsedBuyers.habitsOf(params.lapsed(), actions), actions, params.habitDays()));

        List<ResultTable> actual = new ArrayList<>(MemoryAudienceMembers.tables(model.memory(), sessions, params));
        AudiencePeriods memoryPeriods = AudiencePeriods.of(params, MemoryAudienceMembers.lastDate(sessions))
                .orElseThrow();
        assertThat(memoryPeriods).isEqualTo(periods);
        actual.addAll(MemoryLapsedBuyers.tables(MemoryPeriodActions.of(sessions, memoryPeriods), params));

        assertThat(actual).extracting(ResultTable::name)
                .containsExactlyElementsOf(expected.stream().map(ResultTable::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            ResultTable spark = expected.get(i);
            ResultTable mine = actual.get(i);
            assertThat(mine.columns()).as(spark.name()).isEqualTo(spark.columns());
            assertThat(mine.rows()).as(spark.name()).isEqualTo(spark.rows());
        }
        assertThat(MemorySuspectRules.suspectUsers(sessions, params.minDwellSeconds()))
                .containsExactlyInAnyOrderElementsOf(expected.get(1).rows().stream()
                        .map(r -> (Long) r.get(0)).toList());
        covers(data, params, expected);
    }

    /** The cases reach what they are there for, so equal tables are not equal for being empty. */
    private static void covers(String data, AudienceParams params, List<ResultTable> spark) {
        for (String table : List.of(AudienceMembers.RFM, AudienceMembers.TIER_MOVES, AudienceMembers.AMPLIFICATION,
                LapsedBuyers.SUMMARY)) {
            assertThat(table(spark, table).rows()).as(table).isNotEmpty();
        }
        if (data.equals("awkward")) {
            List<List<Object>> flags = table(spark, AudienceMembers.SUSPECTS).rows();
            assertThat(flags).extracting(r -> r.get(2)).containsAll(SuspectRules.RULES);
            assertThat(flags).anyMatch(r -> r.get(0) == null);
            assertThat(table(spark, AudienceMembers.SUSPECT_USERS).rows()).isNotEmpty();
        }
        if (data.equals("awkward") && !params.lapsed().isEmpty()) {
            assertThat(table(spark, LapsedBuyers.SUBSTITUTES).rows()).isNotEmpty();
        }
    }

    private static ResultTable table(List<ResultTable> tables, String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * {@link OneSuspectShop}, and rows it lacks: a burst of six pays over two sessions (u7) that
     * also concentrate product 30 in one hour; sessions without a user that burst, pay unclicked
     * and pay at once, and whose top payer share of product 40 flags nobody; a habit of product 50
     * kept (u12), lapsed for product 51 (u11) and held by no user; lists with repeats and -1;
     * a pay without an amount; a session without a channel; first sessions tied in start time;
     * sessions weeks after the first.
     */
    static LogTables awkwardTables(SparkSession spark) {
        List<String> lines = new ArrayList<>(List.of(OneSuspectShop.all()));
        lines.addAll(List.of(
                click("7", "b1", "2019-07-20 09:59:00", "30", "display_ad"),
                pay("7", "b1", "2019-07-20 10:00:00", "1", "30", "display_ad", "10"),
                pay("7", "b1", "2019-07-20 10:10:00", "1", "30", "display_ad", "10"),
                pay("7", "b1", "2019-07-20 10:20:00", "1", "30,30,-1", "display_ad", "10"),
                click("7", "b2", "2019-07-20 10:29:00", "30", "search"),
                pay("7", "b2", "2019-07-20 10:30:00", "1", "30", "search", "10"),
                pay("7", "b2", "2019-07-20 10:40:00", "1", "30", "search", ""),
                pay("7", "b2", "2019-07-20 11:25:00", "1", "30", "search", "12.5"),
                click("9", "c1", "2019-07-20 10:49:00", "30", "search"),
                pay("9", "c1", "2019-07-20 10:50:00", "1", "30", "search", "10"),
                pay("", "n1", "2019-07-20 12:00:00", "2", "40", "social", "4"),
                pay("", "n1", "2019-07-20 12:05:00", "2", "40", "social", "4"),
                pay("", "n1", "2019-07-20 12:10:00", "2", "40,-1", "social", "4"),
                pay("", "n2", "2019-07-20 12:15:00", "2", "40", "", "4"),
                pay("", "n2", "2019-07-20 12:20:00", "2", "40", "", "4"),
                click("13", "d1", "2019-07-20 12:30:00", "40", "search"),
                pay("13", "d1", "2019-07-20 12:40:00", "2", "40", "search", "3"),
                pay("11", "h1", "2019-07-15 09:00:00", "5", "50", "search", "1"),
                pay("11", "h2", "2019-07-16 09:00:00", "5", "50,51", "search", "1"),
                pay("11", "h3", "2019-07-23 09:00:00", "5", "51", "", "1"),
                pay("11", "h3", "2019-07-23 09:10:00", "5,1", "51,52", "", "1"),
                pay("11", "h4", "2019-07-27 09:00:00", "5", "53", "display_ad", "2"),
                pay("12", "h5", "2019-07-15 09:00:00", "5", "50", "display_ad", "1"),
                pay("12", "h5", "2019-07-15 09:30:00", "5", "50", "display_ad", "1"),
                pay("12", "h6", "2019-07-16 09:00:00", "5", "50", "search", "1"),
                pay("12", "h7", "2019-07-24 09:00:00", "5", "50", "search", "1"),
                pay("12", "h7", "2019-07-24 09:05:00", "-1", "52", "search", ""),
                pay("", "n3", "2019-07-15 09:00:00", "5", "50", "search", "1"),
                pay("", "n4", "2019-07-17 09:00:00", "5", "50", "search", "1"),
                pay("", "n5", "2019-07-22 09:00:00", "5", "51", "search", "1"),
                click("14", "t1", "2019-07-16 08:00:00", "50", "display_ad"),
                click("14", "t0", "2019-07-16 08:00:00", "51", "search"),
                pay("14", "t2", "2019-07-26 08:00:00", "5", "50", "recommend", "7"),
                click("15", "w1", "2019-07-21 08:00:00", "52", ""),
                pay("15", "w2", "2019-07-27 08:00:00", "5", "52", "display_ad", "3")));
        return LogTables.empty(spark).withActions(Fixtures.actions(spark, lines.toArray(String[]::new)));
    }

    /** date|user|session|page|time|keyword|click cat|click product|order cats|order products|pay cats|pay products|city|channel|pay amount */
    private static String pay(String user, String session, String time, String categories, String products,
                              String channel, String amount) {
        return String.join("|", time.substring(0, 10), user, session, "1", time, "", "", "", "", "", categories,
                products, "0", channel, amount);
    }

    private static String click(String user, String session, String time, String product, String channel) {
        return String.join("|", time.substring(0, 10), user, session, "1", time, "", "1", product, "", "", "", "",
                "0", channel, "");
    }
}
