package io.shoplens.app.funnel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.funnel.FunnelParams;
import io.shoplens.engine.funnel.FunnelStep;

/**
 * A funnel result with the tables and columns of docs/ANALYSES.md and hand-picked numbers, for
 * the fake engine: 1000 units enter, half of those at each step go on; the breakdown only when
 * the request asks for one, as the engine does.
 */
public final class CannedFunnel {

    /** Units that dropped off after step 1, 2 and 3 of the canned funnel, as funnel_dropoff lists them. */
    static final List<List<Object>> DROPOFF = List.of(
            List.of(1L, "s-0003"), List.of(1L, "s-0011"), List.of(1L, "s-0042"),
            List.of(2L, "s-0007"), List.of(2L, "s-0019"),
            List.of(3L, "s-0023"));

    private CannedFunnel() {
    }

    public static AnalysisResult of(FunnelParams params) {
        List<FunnelStep> steps = params.steps();
        List<List<Object>> stepRows = new ArrayList<>();
        List<List<Object>> times = new ArrayList<>();
        long units = 1000;
        for (int k = 1; k <= steps.size(); k++) {
            String definition = steps.get(k - 1).definition();
            if (k == 1) {
                stepRows.add(Arrays.asList(1L, definition, units, 1.0, null, null, null, null));
            } else {
                units /= 2;
                stepRows.add(Arrays.asList((long) k, definition, units, units / 1000.0, 0.5, 0.5, 30L * k, 40.5 * k));
                times.add(List.of((long) k, "10s_30s", units / 2));
                times.add(List.of((long) k, "1m_3m", units - units / 2));
            }
        }
        List<ResultTable> tables = new ArrayList<>(List.of(
                new ResultTable("funnel_steps", List.of("step", "definition", "units", "conversion", "step_conversion",
                        "drop_off", "median_seconds", "mean_seconds"), stepRows),
                new ResultTable("funnel_times", List.of("step", "bucket", "units"), times)));
        if (params.breakdown().isPresent()) {
            tables.add(new ResultTable("funnel_breakdown", List.of("value", "step", "units", "conversion"), List.of(
                    List.of("search", 1L, 600L, 1.0), List.of("search", 2L, 360L, 0.6),
                    List.of("social", 1L, 400L, 1.0), List.of("social", 2L, 140L, 0.35))));
        }
        tables.add(new ResultTable("funnel_dropoff", List.of("dropped_after_step", "unit_id"), DROPOFF));
        tables.add(new ResultTable("funnel_correlation", List.of("signal", "successes", "failures", "odds_ratio",
                "direction"), List.of(
                List.of("searched:手机", 80L, 40L, 3.5, "success"),
                List.of("clicked_category:15", 60L, 90L, 1.25, "success"),
                List.of("channel:social", 10L, 200L, 0.2, "failure"))));
        return new AnalysisResult("funnel", tables);
    }
}
