package io.shoplens.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.model.SessionModel;

/**
 * One request over a session model kept by Spark and, when it fits, held in this JVM too: each
 * analysis with an in-memory form answers from memory, the others run on Spark in one
 * {@link AnalysisRunner} run. Shared by the warm engine and the one-shot commands, so both
 * answer a request the same way.
 */
final class MemoryFirstRun {

    /** Results already known for the request's inputs, and where new ones go. */
    interface Known {
        Known NONE = new Known() {
            @Override
            public AnalysisResult recall(String analysis) {
                return null;
            }

            @Override
            public void remember(String analysis, AnalysisResult result) {
            }
        };

        /** The result of {@code analysis} for this request's inputs, or null. */
        AnalysisResult recall(String analysis);

        void remember(String analysis, AnalysisResult result);
    }

    private MemoryFirstRun() {
    }

    /**
     * @param excluded the suspect users {@code --exclude-suspects} drops (found on the whole
     *                 model), empty when the request keeps them
     * @param notes    what the run says about its input so far (e.g. the suspects it excluded)
     */
    static AnalysisRunner.Outcome run(SessionModel model, Optional<MemoryModel> memory, Set<Long> excluded,
                                      List<String> notes, RunRequest request, AnalysisRunner.Listener listener,
                                      Known known) {
        long start = System.nanoTime();
        Map<String, AnalysisResult> results = new LinkedHashMap<>();
        Map<String, Long> timings = new LinkedHashMap<>();
        List<String> forSpark = new ArrayList<>();
        List<String> said = new ArrayList<>(notes);
        List<MemorySession> sessions = null;
        int index = 0;
        for (String analysis : request.analyses()) {
            AnalysisResult result = known.recall(analysis);
            if (result == null && memory.isPresent() && MemoryAnalyses.SUPPORTED.contains(analysis)) {
                listener.started(analysis, index, request.analyses().size());
                long t = System.nanoTime();
                if (sessions == null) {
                    sessions = MemoryFilter.apply(memory.get(), request.filter(), excluded);
                }
                result = MemoryAnalyses.run(analysis, memory.get(), sessions, request).orElseThrow();
                known.remember(analysis, result);
                long millis = (System.nanoTime() - t) / 1_000_000;
                timings.put(analysis, millis);
                listener.finished(analysis, millis);
            }
            if (result == null) {
                forSpark.add(analysis);
            } else {
                results.put(analysis, result);
                timings.putIfAbsent(analysis, 0L);
            }
            index++;
        }
        if (!forSpark.isEmpty()) {
            AnalysisRunner.Outcome outcome = AnalysisRunner.run(model, request.onlyAnalyses(forSpark), listener);
            for (AnalysisResult r : outcome.results()) {
                known.remember(r.analysis(), r);
                results.put(r.analysis(), r);
            }
            timings.putAll(outcome.timingsMillis());
            outcome.notes().stream().filter(n -> !said.contains(n)).forEach(said::add);
        }
        List<AnalysisResult> ordered = new ArrayList<>();
        Map<String, Long> orderedTimings = new LinkedHashMap<>();
        for (String analysis : request.analyses()) {
            ordered.add(results.get(analysis));
            orderedTimings.put(analysis, timings.get(analysis));
        }
        return new AnalysisRunner.Outcome(ordered, orderedTimings, (System.nanoTime() - start) / 1_000_000, said);
    }
}
