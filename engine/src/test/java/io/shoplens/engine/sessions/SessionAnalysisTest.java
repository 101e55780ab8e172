package io.shoplens.engine.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.sessions.SessionAnalysis.SessionParams;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

class SessionAnalysisTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime BASE = LocalDateTime.of(2019, 7, 17, 10, 0, 0);

    @Test
    void visitLengthBucketsMeetAtEveryEdge() {
        List<String> lines = new ArrayList<>();
        lines.add(act("one", at(0), "kw", "", "", ""));
        lines.add(act("same", at(0), "kw", "", "", ""));
        lines.add(act("same", at(0), "kw", "", "", ""));
        for (long d : new long[] {1, 3, 4, 6, 7, 9, 10, 30, 31, 60, 61, 180, 181, 600, 601, 1800}) {
            lines.add(act("d" + d, at(0), "kw", "", "", ""));
            lines.add(act("d" + d, at(d), "kw", "", "", ""));
        }
        // Over midnight: 23:45:00 to 00:15:01 next day is 1801 s, the first second of "30m".
        lines.add(act("midnight", "2019-07-17 23:45:00", "kw", "", "", ""));
        lines.add(act("midnight", "2019-07-18 00:15:01", "kw", "", "", ""));

        ResultTable visits = run(lines, SessionFilter.NONE, SessionParams.defaults()).table("visit_length");

        assertThat(visits.columns()).containsExactly("bucket", "sessions", "ratio");
        double two = 2.0 / 19;
        assertThat(visits.rows()).containsExactly(
                List.of("0s", 2L, two), List.of("1s_3s", 2L, two), List.of("4s_6s", 2L, two),
                List.of("7s_9s", 2L, two), List.of("10s_30s", 2L, two), List.of("30s_60s", 2L, two),
                List.of("1m_3m", 2L, two), List.of("3m_10m", 2L, two), List.of("10m_30m", 2L, two),
                List.of("30m", 1L, 1.0 / 19));
    }

    @Test
    void stepLengthBucketsMeetAtEveryEdge() {
        List<String> lines = new ArrayList<>();
        for (int steps : new int[] {1, 3, 4, 6, 7, 9, 10, 30, 31, 60, 61}) {
            for (int i = 0; i < steps; i++) {
                lines.add(act("n" + steps, at(i), "kw", "", "", ""));
            }
        }

        ResultTable steps = run(lines, SessionFilter.NONE, SessionParams.defaults()).table("step_length");

        assertThat(steps.columns()).containsExactly("bucket", "sessions", "ratio");
        double two = 2.0 / 11;
        assertThat(steps.rows()).containsExactly(
                List.of("1_3", 2L, two), List.of("4_6", 2L, two), List.of("7_9", 2L, two),
                List.of("10_30", 2L, two), List.of("30_60", 2L, two), List.of("60", 1L, 1.0 / 11));
    }

    @Test
    void noSessionsListsEveryBucketWithEmptyRatio() {
        AnalysisResult result = SessionAnalysis.run(
                AnalysisInput.of(LogTables.empty(TestSpark.session()), SessionFilter.NONE), SessionParams.defaults());

        assertThat(result.analysis()).isEqualTo("sessions");
        assertThat(result.table("visit_length").rows()).hasSize(10)
                .allSatisfy(r -> assertThat(r).isEqualTo(Arrays.asList(r.get(0), 0L, null)));
        assertThat(result.table("step_length").rows()).hasSize(6)
                .allSatisfy(r -> assertThat(r).isEqualTo(Arrays.asList(r.get(0), 0L, null)));
        assertThat(result.table("top_categories").rows()).isEmpty();
        assertThat(result.table("top_sessions").rows()).isEmpty();
        assertThat(result.table("sampled_sessions").rows()).isEmpty();
    }

    @Test
    void topCategoriesRankByClickOrderPayThenId() {
        ResultTable top = run(categoryFixture(), SessionFilter.NONE, SessionParams.defaults()).table("top_categories");

        assertThat(top.columns()).containsExactly("rank", "category_id", "click_count", "order_count", "pay_count");
        assertThat(top.rows()).containsExactly(
                List.of(1L, 20L, 12L, 0L, 0L),
                List.of(2L, 3L, 3L, 2L, 1L),   // ties 5 on clicks, wins on orders
                List.of(3L, 5L, 3L, 0L, 0L),
                List.of(4L, 9L, 2L, 0L, 1L),
                List.of(5L, 12L, 1L, 0L, 0L),  // 12, 21..24 tie on all counts: smaller id first
                List.of(6L, 21L, 1L, 0L, 0L),
                List.of(7L, 22L, 1L, 0L, 0L),
                List.of(8L, 23L, 1L, 0L, 0L),
                List.of(9L, 24L, 1L, 0L, 0L),
                List.of(10L, 7L, 0L, 2L, 1L)); // 8 and 11 (0,1,0) fall off
    }

    @Test
    void idListsAreSplitTrimmedAndCountedOncePerAction() {
        List<String> lines = List.of(
                act("x", at(0), "", "", "null", ""),          // the platform's text for "no list"
                act("x", at(1), "", "", "3,,3 , 4", ""),      // empty element, repeat, blanks
                act("x", at(2), "", "", "", "-1, 4"));        // -1 is no category

        ResultTable top = run(lines, SessionFilter.NONE, SessionParams.defaults()).table("top_categories");

        assertThat(top.rows()).containsExactly(List.of(1L, 4L, 0L, 1L, 1L), List.of(2L, 3L, 0L, 1L, 0L));
    }

    @Test
    void topSessionsRankByClicksThenSessionId() {
        ResultTable top = run(categoryFixture(), SessionFilter.NONE, SessionParams.defaults()).table("top_sessions");

        assertThat(top.columns()).containsExactly("category_id", "rank", "session_id", "clicks");
        List<List<Object>> expected = new ArrayList<>();
        expected.add(List.of(20L, 1L, "s5", 1L));
        for (int i = 1; i <= 9; i++) {
            expected.add(List.of(20L, i + 1L, "t0" + i, 1L)); // t10, t11 are the 11th and 12th
        }
        expected.addAll(List.of(
                List.of(3L, 1L, "s2", 2L), List.of(3L, 2L, "s1", 1L),
                List.of(5L, 1L, "s1", 2L), List.of(5L, 2L, "s2", 1L),
                List.of(9L, 1L, "s3", 1L), List.of(9L, 2L, "s6", 1L),
                List.of(12L, 1L, "s4", 1L),
                List.of(21L, 1L, "s5", 1L), List.of(22L, 1L, "s5", 1L), List.of(23L, 1L, "s5", 1L),
                List.of(24L, 1L, "s5", 1L)));
        // Category 7 was only ordered and paid: no session clicked it.
        assertThat(top.rows()).containsExactlyElementsOf(expected);
    }

    @Test
    void topSessionsBreakTiesOnTheTenthCountBySessionId() {
        // Category 30: u01..u08 click it 3 times, v01..v04 twice, w01..w03 once. The tenth place
        // falls among the 2-click sessions: v01 and v02 are in, v03, v04 and every w are out.
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            String session = i <= 8 ? String.format("u%02d", i) : i <= 12 ? String.format("v%02d", i - 8)
                    : String.format("w%02d", i - 12);
            int clicks = i <= 8 ? 3 : i <= 12 ? 2 : 1;
            for (int c = 0; c < clicks; c++) {
                lines.add(act(session, at(c), "", "30", "", ""));
            }
        }

        ResultTable top = run(lines, SessionFilter.NONE, SessionParams.defaults()).table("top_sessions");

        List<List<Object>> expected = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            expected.add(List.of(30L, (long) i, String.format("u%02d", i), 3L));
        }
        expected.add(List.of(30L, 9L, "v01", 2L));
        expected.add(List.of(30L, 10L, "v02", 2L));
        assertThat(top.rows()).containsExactlyElementsOf(expected);
    }

    @Test
    void theClickFloorIsTheTenthLargestCountOrTheSmallest() {
        List<Row> counts = List.of(
                RowFactory.create(1L, 5L, 4L), RowFactory.create(1L, 3L, 6L), RowFactory.create(1L, 1L, 50L),
                RowFactory.create(2L, 9L, 10L), RowFactory.create(2L, 2L, 1L),
                RowFactory.create(3L, 4L, 2L), RowFactory.create(3L, 2L, 3L));

        assertThat(SessionAnalysis.clickFloors(counts)).extracting(Row::toString)
                .containsExactly("[1,3]", "[2,9]", "[3,2]");
    }

    @Test
    void filterLimitsEveryTableToMatchingSessions() {
        SessionFilter clicked9 = SessionFilter.NONE.withCategories(List.of(9L));
        AnalysisResult result = run(categoryFixture(), clicked9, SessionParams.defaults());

        assertThat(result.table("top_categories").rows()).containsExactly(
                List.of(1L, 9L, 2L, 0L, 1L), List.of(2L, 3L, 0L, 0L, 1L));
        assertThat(result.table("top_sessions").rows()).containsExactly(
                List.of(9L, 1L, "s3", 1L), List.of(9L, 2L, "s6", 1L));
        assertThat(result.table("visit_length").value(0, "sessions")).isEqualTo(0L);
        assertThat(result.table("visit_length").value(1, "ratio")).isEqualTo(1.0); // both last 1 s
        assertThat(result.table("sampled_sessions").rows()).extracting(r -> r.get(0)).containsExactly("s3", "s6");
    }

    @Test
    void sampleOfNoSessionsIsEmptyWithItsColumns() {
        ResultTable sample = run(hourFixture(), SessionFilter.NONE, new SessionParams(0, 42)).table("sampled_sessions");

        assertThat(sample.columns())
                .containsExactly("session_id", "start_time", "hour", "search_keywords", "click_category_ids");
        assertThat(sample.rows()).isEmpty();
    }

    @Test
    void sampleTakesEverySessionWhenFewerThanAsked() {
        ResultTable sample = run(hourFixture(), SessionFilter.NONE, new SessionParams(100, 42)).table("sampled_sessions");

        assertThat(sample.columns())
                .containsExactly("session_id", "start_time", "hour", "search_keywords", "click_category_ids");
        assertThat(sample.rows()).extracting(r -> r.get(0))
                .containsExactly("a1", "a2", "a3", "a4", "a5", "b2", "b1", "b3", "c1", "c2");
        // Keywords and categories: distinct, in session order (time, then source line), first occurrence kept.
        assertThat(sample.rows().get(6)).containsExactly(
                "b1", LocalDateTime.of(2019, 7, 17, 9, 10, 0), "2019-07-17_09", "b,a,z", "4,2");
        // Starts at 09:59:59 and ends in the next hour: belongs to the hour of its first action.
        assertThat(sample.rows().get(7)).containsExactly(
                "b3", LocalDateTime.of(2019, 7, 17, 9, 59, 59), "2019-07-17_09", "", "");
    }

    @Test
    void sampleIsSplitOverHoursByLargestRemainder() {
        // Hours 08, 09, 10 hold 5, 3, 2 sessions.
        assertThat(perHour(sample(hourFixture(), 3, 42))).containsExactly(
                Map.entry("2019-07-17_08", 1), Map.entry("2019-07-17_09", 1), Map.entry("2019-07-17_10", 1));
        // 5 of 10: 2.5, 1.5, 1.0 -> the one seat left goes to the earlier of the two .5 remainders.
        assertThat(perHour(sample(hourFixture(), 5, 42))).containsExactly(
                Map.entry("2019-07-17_08", 3), Map.entry("2019-07-17_09", 1), Map.entry("2019-07-17_10", 1));
    }

    @Test
    void sameSeedGivesSameSampleWhateverThePartitioning() {
        SparkSession spark = TestSpark.session();
        Dataset<Row> actions = Fixtures.actions(spark, hourFixture().toArray(String[]::new));
        List<List<Object>> first = sampleOf(actions, 4, 7);
        List<List<Object>> again = sampleOf(actions.repartition(5), 4, 7);
        List<List<Object>> coalesced = sampleOf(actions.coalesce(1), 4, 7);

        assertThat(first).hasSize(4).isEqualTo(again).isEqualTo(coalesced);
        // Sorted by start time, then session id.
        assertThat(first).extracting(r -> (LocalDateTime) r.get(1)).isSorted();

        // One kept model for the seeds: only the draw differs between them.
        AnalysisInput input = AnalysisInput.of(LogTables.empty(spark).withActions(actions), SessionFilter.NONE);
        AnalysisInput kept = input.withSessions(input.sessions().cache());
        Set<List<String>> drawn = new HashSet<>();
        try {
            for (long seed = 0; seed < 4; seed++) {
                drawn.add(SessionAnalysis.run(kept, new SessionParams(4, seed)).table("sampled_sessions").rows()
                        .stream().map(r -> (String) r.get(0)).toList());
            }
        } finally {
            kept.sessions().unpersist();
        }
        assertThat(drawn).as("different seeds draw different samples").hasSizeGreaterThan(1);
    }

    private static List<String> categoryFixture() {
        List<String> lines = new ArrayList<>(List.of(
                act("s1", at(0), "", "5", "", ""),
                act("s1", at(1), "", "5", "", ""),
                act("s1", at(2), "", "3", "", ""),
                act("s1", at(3), "", "", "3, 7", ""),
                act("s1", at(4), "", "", "", "7"),
                act("s2", at(0), "", "5", "", ""),
                act("s2", at(1), "", "3", "", ""),
                act("s2", at(2), "", "3", "", ""),
                act("s2", at(3), "", "", "3,3", ""),    // one order action: counts once for 3
                act("s2", at(4), "", "", " 7 ,8", ""),
                act("s3", at(0), "", "9", "", ""),
                act("s3", at(1), "", "", "", "9, 3"),
                act("s4", at(0), "", "", "11", ""),
                act("s4", at(1), "", "12", "", ""),
                act("s4", at(2), "", "-1", "", ""),     // unset, defensively
                act("s4", at(3), "", "", "", ""),       // nothing set at all
                act("s6", at(0), "", "9", "", ""),
                act("s6", at(1), "kw", "", "", "")));
        for (int c = 20; c <= 24; c++) {
            lines.add(act("s5", at(c), "", String.valueOf(c), "", ""));
        }
        for (int t = 1; t <= 11; t++) {
            lines.add(act(String.format("t%02d", t), at(0), "", "20", "", ""));
        }
        return lines;
    }

    /** Sessions a1..a5 start at 08, b1..b3 at 09, c1, c2 at 10. */
    private static List<String> hourFixture() {
        return List.of(
                act("a2", "2019-07-17 08:00:00", "", "", "", ""),
                act("a1", "2019-07-17 08:00:00", "", "", "", ""),
                act("a3", "2019-07-17 08:01:00", "", "", "", ""),
                act("a4", "2019-07-17 08:02:00", "", "", "", ""),
                act("a5", "2019-07-17 08:03:00", "", "", "", ""),
                act("b1", "2019-07-17 09:11:00", "z", "", "", ""),
                act("b1", "2019-07-17 09:10:00", "b", "", "", ""),
                act("b1", "2019-07-17 09:10:00", "a", "", "", ""),
                act("b1", "2019-07-17 09:12:00", "", "4", "", ""),
                act("b1", "2019-07-17 09:12:00", "", "2", "", ""),
                act("b1", "2019-07-17 09:13:00", "", "4", "", ""),
                act("b1", "2019-07-17 09:13:30", "b", "", "", ""),
                act("b2", "2019-07-17 09:00:00", "", "", "", ""),
                act("b3", "2019-07-17 09:59:59", "", "", "", ""),
                act("b3", "2019-07-17 10:00:30", "", "", "", ""),
                act("c1", "2019-07-17 10:00:00", "", "", "", ""),
                act("c2", "2019-07-17 10:30:00", "", "", "", ""));
    }

    private static ResultTable sample(List<String> lines, int size, long seed) {
        return run(lines, SessionFilter.NONE, new SessionParams(size, seed)).table("sampled_sessions");
    }

    private static List<List<Object>> sampleOf(Dataset<Row> actions, int size, long seed) {
        LogTables tables = LogTables.empty(TestSpark.session()).withActions(actions);
        return SessionAnalysis.run(AnalysisInput.of(tables, SessionFilter.NONE), new SessionParams(size, seed))
                .table("sampled_sessions").rows();
    }

    private static Map<String, Integer> perHour(ResultTable sample) {
        Map<String, Integer> counts = new TreeMap<>();
        for (List<Object> r : sample.rows()) {
            counts.merge((String) r.get(2), 1, Integer::sum);
        }
        return counts;
    }

    private static AnalysisResult run(List<String> lines, SessionFilter filter, SessionParams params) {
        SparkSession spark = TestSpark.session();
        LogTables tables = LogTables.empty(spark).withActions(Fixtures.actions(spark, lines.toArray(String[]::new)));
        return SessionAnalysis.run(AnalysisInput.of(tables, filter), params);
    }

    private static String at(long secondsAfterBase) {
        return TIME.format(BASE.plusSeconds(secondsAfterBase));
    }

    /** One action of user 1 on page 1; the date is the action time's. */
    private static String act(String session, String time, String keyword, String clickCategory,
                              String orderCategories, String payCategories) {
        return String.join("|", time.substring(0, 10), "1", session, "1", time, keyword, clickCategory, "",
                orderCategories, "", payCategories);
    }
}
