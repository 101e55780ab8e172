package io.shoplens.engine.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.audience.AudienceAnalysis;
import io.shoplens.engine.cores.SideBySide;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.products.HotProductsAnalysis;
import io.shoplens.engine.sessions.SessionAnalysis;

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

    /** The in-memory analyses from the longest to the shortest, as measured at a million actions. */
    private static final List<String> BY_COST = List.of(AudienceAnalysis.NAME, FunnelAnalysis.NAME,
            GmvAnalysis.NAME, SessionAnalysis.NAME, HotProductsAnalysis.NAME, PageConversionAnalysis.NAME);

    private MemoryFirstRun() {
    }

    private static int costRank(String analysis) {
        int rank = BY_COST.indexOf(analysis);
        return rank < 0 ? BY_COST.size() : rank;
    }

    /**
     * @param excluded the suspect users {@code --exclude-suspects} drops (found on the whole
     *                 model), empty when the request keeps them
     * @param notes    what the run says about its input so far: with {@code --exclude-suspects},
     *                 the note about the suspects left out, or nothing to have Spark count them
     */
    static AnalysisRunner.Outcome run(Supplier<SessionModel> model, Optional<MemoryModel> memory, HeldAdClicks ads,
                                      Set<Long> excluded, List<String> notes, RunRequest request,
                                      AnalysisRunner.Listener listener, Known known) {
        long start = System.nanoTime();
        Map<String, AnalysisResult> results = new LinkedHashMap<>();
        Map<String, Long> timings = new ConcurrentHashMap<>();
        List<String> inMemory = new ArrayList<>();
        List<String> forSpark = new ArrayList<>();
        List<String> said = new ArrayList<>(notes);
        for (String analysis : request.analyses()) {
            AnalysisResult result = known.recall(analysis);
            if (result != null) {
                results.put(analysis, result);
                timings.put(analysis, 0L);
            } else if (memory.isPresent() && MemoryAnalyses.SUPPORTED.contains(analysis)) {
                inMemory.add(analysis);
            } else {
                forSpark.add(analysis);
            }
        }
        AnalysisRunner.Listener serial = AnalysisRunner.Listener.serialized(listener);
        boolean exclusionNoted = request.filter().excludeSuspects() && !notes.isEmpty();
        // Ads reads its own table: its clicks are read by a Spark job on first use, so it goes
        // on Spark's side, whose thread carries the caller's job group.
        boolean withAds = forSpark.remove(AdClickAnalysis.NAME);
        Supplier<AnalysisRunner.Outcome> spark = () -> sparkSide(model, ads, withAds, forSpark, request, serial,
                exclusionNoted);
        Supplier<List<AnalysisResult>> held = () -> inMemory(inMemory, memory, excluded, request, serial, timings);
        // Spark's part (ads' first read, or all of it when nothing is held) runs beside the
        // in-memory analyses: on a cold run its jobs take about as long as all of them together.
        boolean nothingForSpark = forSpark.isEmpty() && !withAds;
        SideBySide.Both<AnalysisRunner.Outcome, List<AnalysisResult>> both = nothingForSpark || inMemory.isEmpty()
                ? new SideBySide.Both<>(spark.get(), held.get())
                : SideBySide.onOwnThread("shoplens-spark-side", spark, held);
        List<AnalysisResult> computed = both.second();
        AnalysisRunner.Outcome outcome = both.first();
        for (AnalysisResult result : computed) {
            known.remember(result.analysis(), result);
            results.put(result.analysis(), result);
        }
        if (outcome != null) {
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

    /** The analyses that run on Spark and then ads from its held clicks; null when there are none. */
    private static AnalysisRunner.Outcome sparkSide(Supplier<SessionModel> model, HeldAdClicks ads, boolean withAds,
                                                    List<String> forSpark, RunRequest request,
                                                    AnalysisRunner.Listener listener, boolean exclusionNoted) {
        long start = System.nanoTime();
        AnalysisRunner.Outcome rest = forSpark.isEmpty() ? null
                : AnalysisRunner.run(model.get(), request.onlyAnalyses(forSpark), listener, exclusionNoted);
        if (!withAds) {
            return rest;
        }
        long adStart = System.nanoTime();
        listener.started(AdClickAnalysis.NAME, request.analyses().indexOf(AdClickAnalysis.NAME),
                request.analyses().size());
        AnalysisResult adResult = ads.run(request.ads());
        long adMillis = (System.nanoTime() - adStart) / 1_000_000;
        listener.finished(AdClickAnalysis.NAME, adMillis);
        List<AnalysisResult> results = new ArrayList<>(List.of(adResult));
        Map<String, Long> timings = new LinkedHashMap<>(Map.of(AdClickAnalysis.NAME, adMillis));
        if (rest != null) {
            results.addAll(rest.results());
            timings.putAll(rest.timingsMillis());
        }
        return new AnalysisRunner.Outcome(results, timings, (System.nanoTime() - start) / 1_000_000,
                rest == null ? List.of() : rest.notes());
    }

    /** The in-memory analyses on every core, the longest first so the last piece a core picks up is short. */
    private static List<AnalysisResult> inMemory(List<String> analyses, Optional<MemoryModel> memory,
                                                 Set<Long> excluded, RunRequest request,
                                                 AnalysisRunner.Listener listener, Map<String, Long> timings) {
        if (analyses.isEmpty()) {
            return List.of();
        }
        List<MemorySession> sessions = MemoryFilter.apply(memory.get(), request.filter(), excluded);
        List<String> byCost = analyses.stream().sorted(Comparator.comparingInt(MemoryFirstRun::costRank)).toList();
        return SideBySide.all(byCost.stream().<Supplier<AnalysisResult>>map(analysis -> () -> {
            listener.started(analysis, request.analyses().indexOf(analysis), request.analyses().size());
            long t = System.nanoTime();
            AnalysisResult result = MemoryAnalyses.run(analysis, memory.get(), sessions, request).orElseThrow();
            long millis = (System.nanoTime() - t) / 1_000_000;
            timings.put(analysis, millis);
            listener.finished(analysis, millis);
            return result;
        }).toList());
    }
}
