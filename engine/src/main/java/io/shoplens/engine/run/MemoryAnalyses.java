package io.shoplens.engine.run;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.audience.AudienceAnalysis;
import io.shoplens.engine.audience.MemoryAudienceAnalysis;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemoryFunnelAnalysis;
import io.shoplens.engine.memory.MemoryGmvAnalysis;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemoryPageAnalysis;
import io.shoplens.engine.memory.MemoryProductAnalysis;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.memory.MemorySessionAnalysis;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.products.HotProductsAnalysis;
import io.shoplens.engine.sessions.SessionAnalysis;

/** The analyses that have an in-memory form, run over the sessions a request's filter keeps. */
public final class MemoryAnalyses {

    /** Analyses answered in memory; the others run on Spark. */
    public static final Set<String> SUPPORTED = Set.of(SessionAnalysis.NAME, PageConversionAnalysis.NAME,
            HotProductsAnalysis.NAME, GmvAnalysis.NAME, FunnelAnalysis.NAME, AudienceAnalysis.NAME);

    private MemoryAnalyses() {
    }

    /** Whether an analysis of {@code request} has an in-memory form, so a held model would be read. */
    public static boolean readModel(RunRequest request) {
        return request.analyses().stream().anyMatch(SUPPORTED::contains);
    }

    /** The sessions {@code request}'s filter keeps (with no suspect known), made once for all its analyses. */
    public static List<MemorySession> sessions(MemoryModel model, RunRequest request) {
        return MemoryFilter.apply(model, request.filter());
    }

    /** The result of {@code analysis} over {@code sessions}, or empty when it has no in-memory form. */
    public static Optional<AnalysisResult> run(String analysis, MemoryModel model, List<MemorySession> sessions,
                                               RunRequest request) {
        return Optional.ofNullable(switch (analysis) {
            case SessionAnalysis.NAME -> MemorySessionAnalysis.run(sessions, request.sessions());
            case PageConversionAnalysis.NAME -> MemoryPageAnalysis.run(sessions, request.pages());
            case HotProductsAnalysis.NAME -> MemoryProductAnalysis.run(model, sessions, request.products());
            case GmvAnalysis.NAME -> MemoryGmvAnalysis.run(sessions, request.gmv());
            case FunnelAnalysis.NAME -> MemoryFunnelAnalysis.run(model, sessions, request.funnel());
            case AudienceAnalysis.NAME -> MemoryAudienceAnalysis.run(model, sessions, request.audience());
            default -> null;
        });
    }
}
