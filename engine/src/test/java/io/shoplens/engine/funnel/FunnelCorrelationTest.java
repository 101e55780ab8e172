package io.shoplens.engine.funnel;

import static io.shoplens.engine.funnel.FunnelOrderTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;

/** funnel_correlation on 100 sessions: the prior, the cut-off at min(25, 0.02·(S+F)), the signals. */
class FunnelCorrelationTest {

    /**
     * Steps search, pay. Sessions 0-39 search "a" then pay (S = 40); 40-99 only search (F = 60).
     * Channel social for 0-19 and 40-49, search for the rest. Sessions 0 and 40 view page 8 before
     * their search, session 41 page 7; searches and pays have no page.
     */
    @Test
    void oddsRatiosWithThePriorAndTheCutOff() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String session = String.format("c%02d", i);
            String channel = i < 20 || (i >= 40 && i < 50) ? "social" : "search";
            if (i == 0 || i == 40) {
                lines.add(Act.in(session).channel(channel).at("09:59:00").page(8).view());
            }
            if (i == 41) {
                lines.add(Act.in(session).channel(channel).at("09:59:00").page(7).view());
            }
            lines.add(Act.in(session).channel(channel).at("10:00:00").search("a"));
            if (i < 40) {
                lines.add(Act.in(session).channel(channel).at("10:01:00").pay("1", "10"));
            }
        }
        FunnelParams params = FunnelRuns.params("search,pay", FunnelOrder.ORDERED, FunnelUnit.SESSION, null);

        AnalysisResult result = FunnelRuns.run(FunnelRuns.tables(lines.toArray(String[]::new)), params);

        // odds = ((s+1)(F-f+1)) / ((S-s+1)(f+1)) with S = 40, F = 60. The cut-off is
        // min(25, 0.02 * 100) = 2: page:8 (seen by 2) is in, page:7 (seen by 1) is out.
        // searched:a is seen before the pay of every success, and before no failure's search.
        assertThat(result.table(FunnelAnalysis.CORRELATION).columns())
                .containsExactly("signal", "successes", "failures", "odds_ratio", "direction");
        assertThat(result.table(FunnelAnalysis.CORRELATION).rows()).containsExactly(
                row("searched:a", 40L, 0L, 2501.0, "success"),
                row("channel:social", 20L, 10L, 1071.0 / 231, "success"),
                row("page:8", 1L, 1L, 1.5, "success"),
                row("age_group:unknown", 40L, 60L, 41.0 / 61, "failure"),
                row("professional:unknown", 40L, 60L, 41.0 / 61, "failure"),
                row("sex:unknown", 40L, 60L, 41.0 / 61, "failure"),
                row("channel:search", 20L, 50L, 231.0 / 1071, "failure"));
    }
}
