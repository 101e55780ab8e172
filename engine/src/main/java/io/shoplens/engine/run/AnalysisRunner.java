package io.shoplens.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.Column;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.analysis.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionSummaries;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.products.HotProductsAnalysis;
import io.shoplens.engine.sessions.SessionAnalysis;

/**
 * Runs the analyses of a {@link RunRequest} on one set of tables. The filtered actions are
 * defined once ({@link AnalysisInput}) and their per-session summaries made once
 * ({@link SessionSummaries}), both shared; each analysis collects its own small tables.
 * Cancelling is the caller's business (a Spark job group around the call).
 */
public final class AnalysisRunner {

    /** Told when each analysis starts and ends, e.g. for a progress line. */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void started(String analysis, int index, int count) {
        }

        default void finished(String analysis, long millis) {
        }
    }

    /** The results in request order and the wall time of each analysis in milliseconds. */
    public record Outcome(List<AnalysisResult> results, Map<String, Long> timingsMillis) {
    }

    private AnalysisRunner() {
    }

    public static Outcome run(LogTables tables, RunRequest request, Listener listener) {
        AnalysisInput input = AnalysisInput.of(tables, request.filter());
        List<AnalysisResult> results = new ArrayList<>();
        Map<String, Long> timings = new LinkedHashMap<>();
        // One pass over every action per run for the analyses that look at whole sessions.
        Optional<Column> funnel = request.analyses().contains(PageConversionAnalysis.NAME)
                ? PageConversionAnalysis.funnelReach(request.pages())
                : Optional.empty();
        try (SessionSummaries summaries = SessionSummaries.of(input.actions(), funnel)) {
            int index = 0;
            for (String analysis : request.analyses()) {
                listener.started(analysis, index++, request.analyses().size());
                long start = System.nanoTime();
                results.add(runOne(analysis, input, request, summaries));
                long millis = (System.nanoTime() - start) / 1_000_000;
                timings.put(analysis, millis);
                listener.finished(analysis, millis);
            }
        }
        return new Outcome(results, timings);
    }

    private static AnalysisResult runOne(String analysis, AnalysisInput input, RunRequest request,
                                         SessionSummaries summaries) {
        return switch (analysis) {
            case SessionAnalysis.NAME -> SessionAnalysis.run(input, request.sessions(), summaries);
            case PageConversionAnalysis.NAME -> PageConversionAnalysis.run(request.pages(), summaries);
            case HotProductsAnalysis.NAME -> HotProductsAnalysis.run(input, request.products());
            case AdClickAnalysis.NAME -> AdClickAnalysis.run(input, request.ads());
            case GmvAnalysis.NAME -> GmvAnalysis.run(input, request.gmv(), summaries);
            default -> throw new IllegalArgumentException("Unknown analysis " + analysis);
        };
    }
}
