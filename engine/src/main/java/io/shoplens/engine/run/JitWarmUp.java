package io.shoplens.engine.run;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;

/**
 * Runs every in-memory analysis over a small held model a few times, and formats its tables,
 * before the first request: the JIT compiles a method after thousands of calls, and a shop of a
 * few thousand sessions makes too few in one request. On the sample the first filter changes took
 * half again as long as the same changes later (docs/BENCHMARKS.md, "Side by side"). A model of
 * {@link #WARM_SESSIONS} sessions or more warms the code with its first request alone. It runs on
 * a thread of its own (about 3 s on the sample, one core) so the model is ready at once; the held
 * model is immutable, so requests can read it meanwhile.
 */
final class JitWarmUp {

    static final int WARM_SESSIONS = 50_000;
    static final int MAX_PASSES = 8;

    private static final System.Logger LOG = System.getLogger(JitWarmUp.class.getName());

    private JitWarmUp() {
    }

    /** How many passes a model of {@code sessions} sessions gets. */
    static int passes(int sessions) {
        if (sessions == 0 || sessions >= WARM_SESSIONS) {
            return 0;
        }
        return Math.min(MAX_PASSES, (WARM_SESSIONS + sessions - 1) / sessions);
    }

    /** Starts warming the analyses on {@code model} in the background, when it is small enough to need it. */
    static void start(MemoryModel model) {
        if (passes(model.sessions().size()) == 0) {
            return;
        }
        Thread thread = new Thread(() -> run(model), "shoplens-jit-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Warms the analyses on {@code model}; the results are dropped. A failure here is only logged. */
    static void run(MemoryModel model) {
        int passes = passes(model.sessions().size());
        if (passes == 0) {
            return;
        }
        long start = System.nanoTime();
        List<String> analyses = List.copyOf(MemoryAnalyses.SUPPORTED);
        RunRequest request = RunRequest.defaults(analyses);
        try {
            List<MemorySession> sessions = MemoryFilter.apply(model, SessionFilter.NONE);
            for (int i = 0; i < passes; i++) {
                for (String analysis : analyses) {
                    AnalysisResult result = MemoryAnalyses.run(analysis, model, sessions, request).orElseThrow();
                    for (ResultTable table : result.tables()) {
                        table.writeCsv(Writer.nullWriter());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // The request that follows meets the same failure and reports it; nothing is lost here.
            LOG.log(System.Logger.Level.DEBUG, "JIT warm-up stopped", e);
        }
        LOG.log(System.Logger.Level.INFO, "Analyses warmed up: {0} passes over {1} sessions in {2} ms", passes,
                model.sessions().size(), (System.nanoTime() - start) / 1_000_000);
    }
}
