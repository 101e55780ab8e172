package io.shoplens.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.audience.AudienceAnalysis;
import io.shoplens.engine.audience.SuspectExclusion;
import io.shoplens.engine.cores.SideBySide;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.products.HotProductsAnalysis;
import io.shoplens.engine.sessions.SessionAnalysis;

/**
 * Runs the analyses of a {@link RunRequest} on one session model. The filtered sessions are made
 * once per run and kept while its analyses read them; each analysis collects its own small
 * tables.
 *
 * <p>The analyses that read sessions run one after the other; ads, which reads ad clicks, runs
 * beside them on a second thread. Between its large stages the session side runs small Spark jobs
 * that leave cores idle, and the other side's tasks fill them (docs/BENCHMARKS.md: a cold run at
 * 10M actions on 2 cores took 70-71 s instead of 79-85 s).
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

        /** {@code listener} called by one thread at a time, for analyses that run side by side. */
        static Listener serialized(Listener listener) {
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
    }

    /**
     * The results in request order, the wall time of each analysis in milliseconds (in request
     * order; analyses running side by side overlap, so they can add up to more than the run) and
     * the wall time of the whole run, and what the run says about its input for every analysis
     * (e.g. the suspect users it excluded), one sentence each.
     */
    public record Outcome(List<AnalysisResult> results, Map<String, Long> timingsMillis, long wallMillis,
                          List<String> notes) {

        public Outcome {
            notes = List.copyOf(notes);
        }
    }

    private static final List<String> BESIDE = List.of(AdClickAnalysis.NAME);

    private AnalysisRunner() {
    }

    /** Runs {@code request} on the model of {@code tables}, made for this run and freed after it. */
    public static Outcome run(LogTables tables, RunRequest request, Listener listener) {
        SessionModel model = SessionModel.of(tables);
        Dataset<Row> kept = model.sessions().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return run(new SessionModel(kept, model.users(), tables), request, listener);
        } finally {
            kept.unpersist();
        }
    }

    /** Runs {@code request} on {@code model}, whose sessions the caller keeps (or not). */
    public static Outcome run(SessionModel model, RunRequest request, Listener listener) {
        return run(model, request, listener, false);
    }

    /**
     * @param exclusionNoted the caller has found the suspects {@code --exclude-suspects} leaves
     *                       out and said so: the note is not counted again by Spark
     */
    static Outcome run(SessionModel model, RunRequest request, Listener listener, boolean exclusionNoted) {
        long start = System.nanoTime();
        List<String> analyses = request.analyses();
        boolean readsSessions = analyses.stream().anyMatch(a -> !BESIDE.contains(a));
        // The suspects --exclude-suspects drops are those of the run's own --min-dwell.
        int suspectMinDwell = request.audience().minDwellSeconds();
        Dataset<Row> sessions = model.sessions(request.filter(), suspectMinDwell);
        List<String> notes = request.filter().excludeSuspects() && !exclusionNoted
                ? List.of(SuspectExclusion.of(model, suspectMinDwell).note()) : List.of();
        if (readsSessions) {
            sessions = sessions.persist(StorageLevel.MEMORY_AND_DISK());
        }
        AnalysisInput input = new AnalysisInput(model, sessions, request.filter());
        List<String> sessionSide = analyses.stream().filter(a -> !BESIDE.contains(a)).toList();
        List<String> otherSide = analyses.stream().filter(BESIDE::contains).toList();
        Map<String, AnalysisResult> results = new ConcurrentHashMap<>();
        Map<String, Long> timings = new ConcurrentHashMap<>();
        Listener serial = Listener.serialized(listener);
        try {
            if (sessionSide.isEmpty() || otherSide.isEmpty()) {
                runEach(analyses, input, request, serial, results, timings);
            } else {
                // Always both ended before the sessions are freed below: no job of this run outlives it.
                SideBySide.onOwnThread("shoplens-analyses-beside", () -> {
                    runEach(otherSide, input, request, serial, results, timings);
                    return null;
                }, () -> {
                    runEach(sessionSide, input, request, serial, results, timings);
                    return null;
                });
            }
        } finally {
            if (readsSessions) {
                sessions.unpersist();
            }
        }
        List<AnalysisResult> ordered = new ArrayList<>();
        Map<String, Long> orderedTimings = new LinkedHashMap<>();
        for (String analysis : analyses) {
            ordered.add(results.get(analysis));
            orderedTimings.put(analysis, timings.get(analysis));
        }
        return new Outcome(ordered, orderedTimings, (System.nanoTime() - start) / 1_000_000, notes);
    }

    private static void runEach(List<String> analyses, AnalysisInput input, RunRequest request,
                                Listener listener, Map<String, AnalysisResult> results, Map<String, Long> timings) {
        int count = request.analyses().size();
        for (String analysis : analyses) {
            listener.started(analysis, request.analyses().indexOf(analysis), count);
            long start = System.nanoTime();
            results.put(analysis, runOne(analysis, input, request));
            long millis = (System.nanoTime() - start) / 1_000_000;
            timings.put(analysis, millis);
            listener.finished(analysis, millis);
        }
    }

    private static AnalysisResult runOne(String analysis, AnalysisInput input, RunRequest request) {
        return switch (analysis) {
            case SessionAnalysis.NAME -> SessionAnalysis.run(input, request.sessions());
            case PageConversionAnalysis.NAME -> PageConversionAnalysis.run(input, request.pages());
            case HotProductsAnalysis.NAME -> HotProductsAnalysis.run(input, request.products());
            case AdClickAnalysis.NAME -> AdClickAnalysis.run(input, request.ads());
            case GmvAnalysis.NAME -> GmvAnalysis.run(input, request.gmv());
            case FunnelAnalysis.NAME -> FunnelAnalysis.run(input, request.funnel());
            case AudienceAnalysis.NAME -> AudienceAnalysis.run(input, request.audience());
            default -> throw new IllegalArgumentException("Unknown analysis " + analysis);
        };
    }
}
