package io.shoplens.engine.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

class PageConversionAnalysisTest {

    /** Views of page 1: 7. Jumps 1->2: s1, s2, s4 (3). Jumps 2->3: s1, s6 (2). */
    private static final String[] JUMPS = {
        visit("s1", "10:00:00", "1"), visit("s1", "10:00:05", "2"), visit("s1", "10:00:10", "3"),
        // Same time: the source line decides, 1 then 2.
        visit("s2", "10:00:00", "1"), visit("s2", "10:00:00", "2"),
        // Same time, the other way round: 2 then 1, then 3; no 1->2 jump.
        visit("s3", "10:00:00", "2"), visit("s3", "10:00:00", "1"), visit("s3", "10:00:01", "3"),
        visit("s4", "10:00:00", "1"), visit("s4", "10:00:01", "1"), visit("s4", "10:00:02", "2"),
        // Not adjacent: no jump, but the funnel counts 1 then 2.
        visit("s5", "10:00:00", "1"), visit("s5", "10:00:01", "5"), visit("s5", "10:00:02", "2"),
        // Over midnight.
        "2019-07-17|1|s6|2|2019-07-17 23:59:59", "2019-07-18|1|s6|3|2019-07-18 00:00:01",
        // An action without a page breaks adjacency.
        visit("s7", "10:00:00", "1"), visit("s7", "10:00:01", ""), visit("s7", "10:00:02", "2"),
    };

    @Test
    void jumpsCountAdjacentPairsInSessionOrder() {
        AnalysisResult result = run(JUMPS, SessionFilter.NONE, flow(1, 2, 3), Optional.empty());

        assertThat(result.analysis()).isEqualTo("pages");
        assertThat(result.table("page_jumps").columns())
                .containsExactly("step", "from_page", "to_page", "jumps", "step_rate", "cumulative_rate");
        assertThat(result.table("page_jumps").rows()).containsExactly(
                List.of(1L, 1L, 2L, 3L, 3.0 / 7, 3.0 / 7),
                List.of(2L, 2L, 3L, 2L, 2.0 / 3, 2.0 / 7));
    }

    @Test
    void filterDropsActionsBeforeJumpsAreCounted() {
        SessionFilter july17 = SessionFilter.NONE.withDates(LocalDate.of(2019, 7, 17), LocalDate.of(2019, 7, 17));
        AnalysisResult result = run(JUMPS, july17, flow(1, 2, 3), Optional.empty());

        // s6 loses its page 3 of July 18.
        assertThat(result.table("page_jumps").rows()).containsExactly(
                List.of(1L, 1L, 2L, 3L, 3.0 / 7, 3.0 / 7),
                List.of(2L, 2L, 3L, 1L, 1.0 / 3, 1.0 / 7));
    }

    @Test
    void rateWithZeroDenominatorIsEmpty() {
        AnalysisResult never = run(JUMPS, SessionFilter.NONE, flow(8, 9), Optional.empty());
        assertThat(never.table("page_jumps").rows()).containsExactly(Arrays.asList(1L, 8L, 9L, 0L, null, null));
        assertThat(never.table("session_funnel").rows()).containsExactly(
                Arrays.asList(1L, 8L, 0L, null), Arrays.asList(2L, 9L, 0L, null));

        // Page 1 is viewed, 1->9 never happens, so step 2 has no previous jumps to compare with.
        AnalysisResult broken = run(JUMPS, SessionFilter.NONE, flow(1, 9, 2), Optional.empty());
        assertThat(broken.table("page_jumps").rows()).containsExactly(
                Arrays.asList(1L, 1L, 9L, 0L, 0.0, 0.0),
                Arrays.asList(2L, 9L, 2L, 0L, null, 0.0));
    }

    @Test
    void funnelCountsOrderedVisitsNotNecessarilyAdjacent() {
        AnalysisResult result = run(JUMPS, SessionFilter.NONE, flow(1, 2, 3), Optional.empty());

        // Reached: s1 3; s2, s4, s5, s7 2; s3 1 (2 came before 1); s6 0.
        assertThat(result.table("session_funnel").columns()).containsExactly("step", "page_id", "sessions", "rate");
        assertThat(result.table("session_funnel").rows()).containsExactly(
                List.of(1L, 1L, 6L, 1.0), List.of(2L, 2L, 5L, 5.0 / 6), List.of(3L, 3L, 1L, 1.0 / 6));
    }

    /**
     * w1 repeats pages: 1@10:00 2@10:01 1@10:30 2@10:31 3@10:32. From its first visit of 1 the
     * path misses the 10-minute window at page 3; from the second visit it fits, so w1 counts.
     */
    private static final String[] WINDOW = {
        visit("w1", "10:00:00", "1"), visit("w1", "10:01:00", "2"), visit("w1", "10:30:00", "1"),
        visit("w1", "10:31:00", "2"), visit("w1", "10:32:00", "3"),
        // Exactly 10 minutes: inside.
        visit("w2", "10:00:00", "1"), visit("w2", "10:05:00", "2"), visit("w2", "10:10:00", "3"),
        // One second over at page 3.
        visit("w3", "10:00:00", "1"), visit("w3", "10:05:00", "2"), visit("w3", "10:10:01", "3"),
        // Page 2 late.
        visit("w4", "10:00:00", "1"), visit("w4", "10:20:00", "2"),
        // 2 before 1.
        visit("w5", "10:00:00", "2"), visit("w5", "10:01:00", "1"), visit("w5", "10:02:00", "3"),
    };

    @Test
    void funnelWithoutWindowIgnoresTime() {
        AnalysisResult result = run(WINDOW, SessionFilter.NONE, flow(1, 2, 3), Optional.empty());

        assertThat(result.table("session_funnel").rows()).containsExactly(
                List.of(1L, 1L, 5L, 1.0), List.of(2L, 2L, 4L, 4.0 / 5), List.of(3L, 3L, 3L, 3.0 / 5));
    }

    @Test
    void funnelWithWindowNeedsSomeOrderedPathWithinIt() {
        AnalysisResult result = run(WINDOW, SessionFilter.NONE, flow(1, 2, 3), Optional.of(10));

        // Step 2: w1, w2, w3. Step 3: w1 (second start), w2 (inclusive edge).
        assertThat(result.table("session_funnel").rows()).containsExactly(
                List.of(1L, 1L, 5L, 1.0), List.of(2L, 2L, 3L, 3.0 / 5), List.of(3L, 3L, 2L, 2.0 / 5));
    }

    @Test
    void flowMayRepeatAPage() {
        // 1,2,1,2: w1 visits 1,2,1,2 (all four steps); w2 and w3 only 1,2; w4 1,2; w5 1.
        AnalysisResult result = run(WINDOW, SessionFilter.NONE, flow(1, 2, 1, 2), Optional.empty());

        assertThat(result.table("session_funnel").rows()).containsExactly(
                List.of(1L, 1L, 5L, 1.0), List.of(2L, 2L, 4L, 4.0 / 5),
                List.of(3L, 1L, 1L, 1.0 / 5), List.of(4L, 2L, 1L, 1.0 / 5));
        // A pair the flow names twice is counted for both steps. 1->2: w1 twice, w2, w3, w4 (5);
        // 2->1: w1, w5 (2); views of 1: w1 twice, w2..w5 (6). A step may convert above 1.
        assertThat(result.table("page_jumps").rows()).containsExactly(
                List.of(1L, 1L, 2L, 5L, 5.0 / 6, 5.0 / 6),
                List.of(2L, 2L, 1L, 2L, 2.0 / 5, 2.0 / 6),
                List.of(3L, 1L, 2L, 5L, 5.0 / 2, 5.0 / 6));
    }

    @Test
    void defaultsAreTheClassicFlowWithoutWindow() {
        assertThat(PageParams.defaults())
                .isEqualTo(new PageParams(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), Optional.empty()));
        AnalysisResult result = run(JUMPS, SessionFilter.NONE, PageParams.defaults().flow(), Optional.empty());
        assertThat(result.table("page_jumps").rows()).hasSize(6);
        assertThat(result.table("session_funnel").rows()).extracting(r -> r.get(2))
                .containsExactly(6L, 5L, 1L, 0L, 0L, 0L, 0L);
    }

    private static AnalysisResult run(String[] lines, SessionFilter filter, List<Long> flow, Optional<Integer> window) {
        SparkSession spark = TestSpark.session();
        LogTables tables = LogTables.empty(spark).withActions(Fixtures.actions(spark, lines));
        return PageConversionAnalysis.run(AnalysisInput.of(tables, filter), new PageParams(flow, window));
    }

    private static List<Long> flow(long... pages) {
        return Arrays.stream(pages).boxed().toList();
    }

    private static String visit(String session, String time, String page) {
        return "2019-07-17|1|" + session + "|" + page + "|2019-07-17 " + time;
    }
}
