package io.shoplens.engine.funnel;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/**
 * Funnels beyond page flows (docs/ANALYSES.md, funnel): steps of any kind, in order, strictly in
 * a row or in any order, per session or per user, with a window, times to convert, a breakdown,
 * the units that dropped off and the signals that go with converting.
 *
 * <p>Built on the session model: each unit's path is the actions array of its session (or of its
 * user's sessions, merged in user order), matched once per unit by higher-order array functions
 * ({@link Attempts}); what the tables count is then counted in one Spark job and collected
 * ({@link FunnelFacts}), and the tables are made from those counts in plain Java
 * ({@link FunnelTables}, {@link SignalOdds}). DataFrame and SQL functions only, so it runs
 * unchanged on a cluster and through Spark Connect.
 */
public final class FunnelAnalysis {

    public static final String NAME = "funnel";
    public static final String STEPS = "funnel_steps";
    public static final String TIMES = "funnel_times";
    public static final String BREAKDOWN = "funnel_breakdown";
    public static final String DROPOFF = "funnel_dropoff";
    public static final String CORRELATION = SignalOdds.TABLE;

    private FunnelAnalysis() {
    }

    public static AnalysisResult run(AnalysisInput input, FunnelParams params) {
        Dataset<Row> units = FunnelUnits.of(input.sessions(), params.unit());
        Dataset<Row> reported = new Attempts(params).reported(units);
        return tablesOf(params, new FunnelFacts(params).collect(reported, input.tables().cities()));
    }

    /**
     * The funnel's tables from its counts: one code for the Spark analysis and the in-memory one
     * ({@code MemoryFunnelAnalysis}), so the two cannot differ in how they round, order or name.
     */
    public static AnalysisResult tablesOf(FunnelParams params, FunnelCounts counts) {
        FunnelTables tables = new FunnelTables(params, counts);
        List<ResultTable> result = new ArrayList<>();
        result.add(tables.steps());
        result.add(tables.times());
        if (params.breakdown().isPresent()) {
            result.add(tables.breakdown());
        }
        result.add(tables.dropoff());
        result.add(tables.correlation());
        return new AnalysisResult(NAME, result);
    }
}
