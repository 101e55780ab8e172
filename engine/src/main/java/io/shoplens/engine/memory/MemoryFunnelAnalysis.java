package io.shoplens.engine.memory;

import java.util.List;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.funnel.FunnelParams;

/**
 * {@link FunnelAnalysis} over in-memory sessions: each unit's path ({@link FunnelPath}), its
 * reported attempt ({@link FunnelAttempts}) and its facts ({@link FunnelFactCounts}) in plain
 * Java, the tables made from the counts by the same code as the Spark analysis
 * ({@link FunnelAnalysis#tablesOf}). The same tables, the same values.
 */
public final class MemoryFunnelAnalysis {

    private MemoryFunnelAnalysis() {
    }

    public static AnalysisResult run(MemoryModel model, List<MemorySession> sessions, FunnelParams params) {
        FunnelAttempts attempts = new FunnelAttempts(params);
        FunnelFactCounts counts = new FunnelFactCounts(params, model.cities());
        FunnelPath.forEach(sessions, params.unit(), unit -> counts.add(unit, attempts.reported(unit.actions())));
        return FunnelAnalysis.tablesOf(params, counts.counts());
    }
}
