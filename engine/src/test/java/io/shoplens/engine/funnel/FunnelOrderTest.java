package io.shoplens.engine.funnel;

import static io.shoplens.engine.funnel.FunnelRuns.lines;
import static io.shoplens.engine.funnel.FunnelRuns.params;
import static io.shoplens.engine.funnel.FunnelRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;

/** The three order modes on the same sessions, steps search, click, order; times, buckets and drop-offs. */
class FunnelOrderTest {

    private static final String STEPS = "search,click,order";

    /**
     * a1 S C O; a2 S view C O; a3 S O C; a4 S S C O; a5 C O (no search: no unit); a6 S; a7 S C.
     * Times are seconds after 10:00:00.
     */
    private static LogTables tables;

    @BeforeAll
    static void fixture() {
        tables = FunnelRuns.tables(
                Act.in("a1").at("10:00:00").search("火锅"), Act.in("a1").at("10:00:10").click(1, 10),
                Act.in("a1").at("10:00:40").order("1", "10"),
                Act.in("a2").at("10:00:00").search("火锅"), Act.in("a2").at("10:00:05").page(3).view(),
                Act.in("a2").at("10:00:20").click(1, 10), Act.in("a2").at("10:01:20").order("1", "10"),
                Act.in("a3").at("10:00:00").search("火锅"), Act.in("a3").at("10:00:30").order("1", "10"),
                Act.in("a3").at("10:01:00").click(1, 10),
                Act.in("a4").at("10:00:00").search("火锅"), Act.in("a4").at("10:00:05").search("蛋糕"),
                Act.in("a4").at("10:00:06").click(1, 10), Act.in("a4").at("10:00:10").order("1", "10"),
                Act.in("a5").at("10:00:00").click(1, 10), Act.in("a5").at("10:00:05").order("1", "10"),
                Act.in("a6").at("10:00:00").search("火锅"),
                Act.in("a7").at("10:00:00").search("火锅"), Act.in("a7").at("10:00:03").click(1, 10));
    }

    @Test
    void orderedAllowsActionsBetweenAndMatchesGreedilyFromTheFirstStart() {
        AnalysisResult result = run(tables, params(STEPS, FunnelOrder.ORDERED, FunnelUnit.SESSION, null));

        // Levels: a1 3, a2 3, a3 2 (its order came before the click), a4 3, a6 1, a7 2.
        // Step 2 times: a1 10, a2 20, a3 60, a4 6 (from the first search), a7 3: median 10, mean 99/5.
        // Step 3 times: a1 30, a2 60, a4 4: median 30, mean 94/3.
        assertThat(result.table(FunnelAnalysis.STEPS).columns()).containsExactly("step", "definition", "units",
                "conversion", "step_conversion", "drop_off", "median_seconds", "mean_seconds");
        assertThat(result.table(FunnelAnalysis.STEPS).rows()).containsExactly(
                row(1L, "search", 6L, 1.0, null, null, null, null),
                row(2L, "click", 5L, 5.0 / 6, 5.0 / 6, 1 - 5.0 / 6, 10L, 99.0 / 5),
                row(3L, "order", 3L, 3.0 / 6, 3.0 / 5, 1 - 3.0 / 5, 30L, 94.0 / 3));
        assertThat(lines(result, FunnelAnalysis.TIMES)).containsExactly(
                "2|0s|0", "2|1s_3s|1", "2|4s_6s|1", "2|7s_9s|0", "2|10s_30s|2", "2|30s_60s|1", "2|1m_3m|0",
                "2|3m_10m|0", "2|10m_30m|0", "2|30m|0",
                "3|0s|0", "3|1s_3s|0", "3|4s_6s|1", "3|7s_9s|0", "3|10s_30s|1", "3|30s_60s|1", "3|1m_3m|0",
                "3|3m_10m|0", "3|10m_30m|0", "3|30m|0");
        assertThat(lines(result, FunnelAnalysis.DROPOFF)).containsExactly("1|a6", "2|a3", "2|a7");
        assertThat(result.table(FunnelAnalysis.DROPOFF).columns()).containsExactly("dropped_after_step", "unit_id");
    }

    @Test
    void strictNeedsConsecutiveActionsAndReportsTheEarliestStartOfTheBestLevel() {
        AnalysisResult result = run(tables, params(STEPS, FunnelOrder.STRICT, FunnelUnit.SESSION, null));

        // Levels: a1 3; a2 1 (a view between); a3 1; a4 3 from its second search (1 s, then 4 s);
        // a6 1; a7 2. Step 2 times 10, 1, 3: median 3. Step 3 times 30, 4: the lower middle, 4.
        assertThat(result.table(FunnelAnalysis.STEPS).rows()).containsExactly(
                row(1L, "search", 6L, 1.0, null, null, null, null),
                row(2L, "click", 3L, 3.0 / 6, 3.0 / 6, 1 - 3.0 / 6, 3L, 14.0 / 3),
                row(3L, "order", 2L, 2.0 / 6, 2.0 / 3, 1 - 2.0 / 3, 4L, 17.0));
        assertThat(lines(result, FunnelAnalysis.DROPOFF)).containsExactly("1|a2", "1|a3", "1|a6", "2|a7");
        assertThat(lines(result, FunnelAnalysis.TIMES)).contains("2|1s_3s|2", "2|10s_30s|1", "3|4s_6s|1",
                "3|10s_30s|1");
    }

    @Test
    void anyOrderTakesEachStepSomewhereAfterTheStart() {
        AnalysisResult result = run(tables, params(STEPS, FunnelOrder.ANY, FunnelUnit.SESSION, null));

        // Levels: a1, a2, a3, a4 3; a6 1; a7 2. a3's order (30 s) came before its click (60 s):
        // its time to step 3 is the 30 s between them. Step 3 times 30, 60, 30, 4: median 30, mean 31.
        assertThat(result.table(FunnelAnalysis.STEPS).rows()).containsExactly(
                row(1L, "search", 6L, 1.0, null, null, null, null),
                row(2L, "click", 5L, 5.0 / 6, 5.0 / 6, 1 - 5.0 / 6, 10L, 99.0 / 5),
                row(3L, "order", 4L, 4.0 / 6, 4.0 / 5, 1 - 4.0 / 5, 30L, 31.0));
        assertThat(lines(result, FunnelAnalysis.DROPOFF)).containsExactly("1|a6", "2|a7");
    }

    /**
     * w1 S 10:00, C 10:05, S 10:20, C 10:21, O 10:22; w2 S C O at 0, 5 and exactly 10 minutes;
     * w3 the same one second later at O.
     */
    private static final String[] WINDOW = {
        Act.in("w1").at("10:00:00").search("a"), Act.in("w1").at("10:05:00").click(1, 10),
        Act.in("w1").at("10:20:00").search("a"), Act.in("w1").at("10:21:00").click(1, 10),
        Act.in("w1").at("10:22:00").order("1", "10"),
        Act.in("w2").at("10:00:00").search("a"), Act.in("w2").at("10:05:00").click(1, 10),
        Act.in("w2").at("10:10:00").order("1", "10"),
        Act.in("w3").at("10:00:00").search("a"), Act.in("w3").at("10:05:00").click(1, 10),
        Act.in("w3").at("10:10:01").order("1", "10"),
    };

    @Test
    void aWindowTriesEveryStartAndReportsTheEarliestOfTheBestLevel() {
        LogTables window = FunnelRuns.tables(WINDOW);

        AnalysisResult none = run(window, params(STEPS, FunnelOrder.ORDERED, FunnelUnit.SESSION, null));
        // Without a window every session converts from its first search: w1 300 s and 1020 s.
        assertThat(none.table(FunnelAnalysis.STEPS).rows()).containsExactly(
                row(1L, "search", 3L, 1.0, null, null, null, null),
                row(2L, "click", 3L, 1.0, 1.0, 0.0, 300L, 300.0),
                row(3L, "order", 3L, 1.0, 1.0, 0.0, 301L, 1621.0 / 3));

        // 10 minutes: w1 converts from its second search (60 s, 60 s), w2 at the inclusive edge,
        // w3 misses by a second. Step 2 times 60, 300, 300; step 3 times 60, 300: lower middle 60.
        List<List<Object>> tenMinutes = List.of(
                row(1L, "search", 3L, 1.0, null, null, null, null),
                row(2L, "click", 3L, 1.0, 1.0, 0.0, 300L, 220.0),
                row(3L, "order", 2L, 2.0 / 3, 2.0 / 3, 1 - 2.0 / 3, 60L, 180.0));
        for (FunnelOrder order : FunnelOrder.values()) {
            AnalysisResult result = run(window, params(STEPS, order, FunnelUnit.SESSION, 10));
            assertThat(result.table(FunnelAnalysis.STEPS).rows()).as(order.text()).containsExactlyElementsOf(tenMinutes);
            assertThat(lines(result, FunnelAnalysis.DROPOFF)).as(order.text()).containsExactly("2|w3");
        }
    }

    @Test
    void theReportedStartIsTheEarliestWhoseWindowHoldsTheLevel() {
        // v1: S 10:00, S 10:03, C 10:05, O 10:12. v2: S 10:00, C 10:20 (past the first search's
        // window), S 10:25, C 10:26, O 10:27.
        LogTables twoStarts = FunnelRuns.tables(
                Act.in("v1").at("10:00:00").search("a"), Act.in("v1").at("10:03:00").search("a"),
                Act.in("v1").at("10:05:00").click(1, 10), Act.in("v1").at("10:12:00").order("1", "10"),
                Act.in("v2").at("10:00:00").search("a"), Act.in("v2").at("10:20:00").click(1, 10),
                Act.in("v2").at("10:25:00").search("a"), Act.in("v2").at("10:26:00").click(1, 10),
                Act.in("v2").at("10:27:00").order("1", "10"));

        // 10 minutes: v1 from its second search (120 s, 420 s), v2 from its second (60 s, 60 s).
        for (FunnelOrder order : FunnelOrder.values()) {
            AnalysisResult result = run(twoStarts, params(STEPS, order, FunnelUnit.SESSION, 10));
            assertThat(result.table(FunnelAnalysis.STEPS).rows()).as(order.text()).containsExactly(
                    row(1L, "search", 2L, 1.0, null, null, null, null),
                    row(2L, "click", 2L, 1.0, 1.0, 0.0, 60L, 90.0),
                    row(3L, "order", 2L, 1.0, 1.0, 0.0, 60L, 240.0));
        }
        // 15 minutes: v1 from its first search (300 s, 420 s) in order and any order; strict
        // still needs the second (120 s). v2: the first search's click is 20 minutes late.
        AnalysisResult ordered = run(twoStarts, params(STEPS, FunnelOrder.ORDERED, FunnelUnit.SESSION, 15));
        assertThat(ordered.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(6) + "/" + r.get(7))
                .containsExactly("null/null", "60/180.0", "60/240.0");
        AnalysisResult any = run(twoStarts, params(STEPS, FunnelOrder.ANY, FunnelUnit.SESSION, 15));
        assertThat(any.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(6) + "/" + r.get(7))
                .containsExactly("null/null", "60/180.0", "60/240.0");
        AnalysisResult strict = run(twoStarts, params(STEPS, FunnelOrder.STRICT, FunnelUnit.SESSION, 15));
        assertThat(strict.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(6) + "/" + r.get(7))
                .containsExactly("null/null", "60/90.0", "60/240.0");
    }

    @Test
    void stepsOfEveryKindMatchTheirIdsAndKeywords() {
        LogTables kinds = FunnelRuns.tables(
                Act.in("k1").at("10:00:00").page(5).view(),
                Act.in("k1").at("10:00:01").search("蛋糕"),
                Act.in("k1").at("10:00:02").search("火锅"),
                Act.in("k1").at("10:00:03").click(3, 31),
                Act.in("k1").at("10:00:04").click(4, 30),
                Act.in("k1").at("10:00:05").order("4", "40"),
                Act.in("k1").at("10:00:06").order("2,3", "20,30"),
                Act.in("k1").at("10:00:07").pay("2,3", "20,30"),
                Act.in("k1").at("10:00:08").pay("7", "70"));
        String steps = "page:5, search:火锅, click:category:3, click:product:30, order:category:3, pay:product:30,"
                + "pay:category:7";

        AnalysisResult result = run(kinds, params(steps, FunnelOrder.STRICT, FunnelUnit.SESSION, null));

        // Strict: the keyword 蛋糕 at 10:00:01 breaks the run after the page, so the search:火锅
        // at 10:00:02 is no step 2; ordered skips it.
        assertThat(result.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(1) + "=" + r.get(2))
                .containsExactly("page:5=1", "search:火锅=0", "click:category:3=0", "click:product:30=0",
                        "order:category:3=0", "pay:product:30=0", "pay:category:7=0");
        AnalysisResult ordered = run(kinds, params(steps, FunnelOrder.ORDERED, FunnelUnit.SESSION, null));
        assertThat(ordered.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(2))
                .containsExactly(1L, 1L, 1L, 1L, 1L, 1L, 1L);
        assertThat(ordered.table(FunnelAnalysis.STEPS).rows()).extracting(r -> r.get(6))
                .containsExactly(null, 2L, 1L, 1L, 2L, 1L, 1L);
    }

    @Test
    void noUnitLeavesEveryCountAtZeroAndEveryRateEmpty() {
        AnalysisResult result = run(tables, params("pay,search", FunnelOrder.ORDERED, FunnelUnit.SESSION, null));

        assertThat(result.table(FunnelAnalysis.STEPS).rows()).containsExactly(
                row(1L, "pay", 0L, null, null, null, null, null),
                row(2L, "search", 0L, null, null, null, null, null));
        assertThat(result.table(FunnelAnalysis.DROPOFF).rows()).isEmpty();
        assertThat(result.table(FunnelAnalysis.CORRELATION).rows()).isEmpty();
        assertThat(result.tables()).extracting(t -> t.name()).containsExactly(FunnelAnalysis.STEPS,
                FunnelAnalysis.TIMES, FunnelAnalysis.DROPOFF, FunnelAnalysis.CORRELATION);
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
