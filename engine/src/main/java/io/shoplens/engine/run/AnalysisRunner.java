package io.shoplens.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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
 *
 * <p>The analyses that read the summaries (sessions, pages, GMV) run one after the other; the
 * ones that do not (products, ads) run beside them on a second thread. Between its large stages
 * the session side runs dozens of small Spark jobs that leave cores idle, and the other side's
 * tasks fill them. At 10M actions on 2 cores a cold run, as every one-off CLI run is, is about
 * a seventh faster; warm runs are the same within the noise (docs/BENCHMARKS.md).
 *
 * <p>Cancelling is the caller's business: a Spark job group set on the calling thread. The second
 * thread is started inside {@link #run}, so it inherits the caller's Spark local properties, job
 * group included, and a cancelled group stops both sides.
 */
public final class AnalysisRunner {

    /**
     * Told when each analysis starts and ends, e.g. for a progress line. Analyses may overlap, so
     * several can be started and not finished; the runner never calls a listener from two
     * threads at once.
     */
    public interface Listener {
        Listener NONE = new Listener() { };

        /** @param index the analysis's place in the request, from 0 */
        default void started(String analysis, int index, int count) {
        }

        /** @param millis this analysis's own wall time (overlapping the other side's) */
        default void finished(String analysis, long millis) {
        }
    }

    /**
     * The results in request order, the wall time of each analysis in milliseconds (in request
     * order; analyses running side by side overlap, so they can add up to more than the run) and
     * the wall time of the whole run.
     */
    public record Outcome(List<AnalysisResult> results, Map<String, Long> timingsMillis, long wallMillis) {
    }

    private static final List<String> SESSION_SIDE = List.of(SessionAnalysis.NAME, PageConversionAnalysis.NAME,
            GmvAnalysis.NAME);

    private AnalysisRunner() {
    }

    public static Outcome run(LogTables tables, RunRequest request, Listener listener) {
        long start = System.nanoTime();
        AnalysisInput input = AnalysisInput.of(tables, request.filter());
        List<String> analyses = request.analyses();
        List<String> sessionSide = analyses.stream().filter(SESSION_SIDE::contains).toList();
        List<String> otherSide = analyses.stream().filter(a -> !SESSION_SIDE.contains(a)).toList();
        Map<String, AnalysisResult> results = new ConcurrentHashMap<>();
        Map<String, Long> timings = new ConcurrentHashMap<>();
        Listener serial = serialized(listener);
        // One pass over every action per run for the analyses that look at whole sessions.
        Optional<Column> funnel = request.analyses().contains(PageConversionAnalysis.NAME)
                ? PageConversionAnalysis.funnelReach(request.pages())
                : Optional.empty();
        try (SessionSummaries summaries = SessionSummaries.of(input, funnel)) {
            if (sessionSide.isEmpty() || otherSide.isEmpty()) {
                runEach(analyses, input, request, summaries, serial, results, timings);
            } else {
                FutureTask<Void> beside = new FutureTask<>(
                        () -> runEach(otherSide, input, request, summaries, serial, results, timings), null);
                Thread thread = new Thread(beside, "shoplens-analyses-beside");
                thread.setDaemon(true);
                thread.start();
                // Spark's analysis errors are checked exceptions Scala throws undeclared: catch them all.
                Throwable failure = null;
                try {
                    runEach(sessionSide, input, request, summaries, serial, results, timings);
                } catch (Throwable e) {
                    failure = e;
                }
                // Always wait: the summaries are freed below, and no job of this run may outlive it.
                failure = join(beside, failure);
                if (failure != null) {
                    throw AnalysisRunner.<RuntimeException>rethrow(failure);
                }
            }
        }
        List<AnalysisResult> ordered = new ArrayList<>();
        Map<String, Long> orderedTimings = new LinkedHashMap<>();
        for (String analysis : analyses) {
            ordered.add(results.get(analysis));
            orderedTimings.put(analysis, timings.get(analysis));
        }
        return new Outcome(ordered, orderedTimings, (System.nanoTime() - start) / 1_000_000);
    }

    private static void runEach(List<String> analyses, AnalysisInput input, RunRequest request,
                                SessionSummaries summaries, Listener listener, Map<String, AnalysisResult> results,
                                Map<String, Long> timings) {
        int count = request.analyses().size();
        for (String analysis : analyses) {
            listener.started(analysis, request.analyses().indexOf(analysis), count);
            long start = System.nanoTime();
            results.put(analysis, runOne(analysis, input, request, summaries));
            long millis = (System.nanoTime() - start) / 1_000_000;
            timings.put(analysis, millis);
            listener.finished(analysis, millis);
        }
    }

    /** Waits for the other side and returns the first failure, the other's suppressed in it. */
    private static Throwable join(FutureTask<Void> beside, Throwable failure) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    beside.get();
                    return failure;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            if (failure == null) {
                return e.getCause();
            }
            failure.addSuppressed(e.getCause());
            return failure;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Throws {@code failure} as it is, checked or not, so callers see the same error as before. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException rethrow(Throwable failure) throws T {
        throw (T) failure;
    }

    private static Listener serialized(Listener listener) {
        return new Listener() {
            @Override
            public synchronized void started(String analysis, int index, int count) {
                listener.started(analysis, index, count);
            }

            @Override
            public synchronized void finished(String analysis, long millis) {
                listener.finished(analysis, millis);
            }
        };
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
