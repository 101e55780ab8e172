package io.shoplens.engine.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemoryModelBuilder;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.workspace.DatasetInfo;

/**
 * A request on freshly imported tables, as the one-shot commands make it ({@code analyze},
 * {@code report}): when the model fits the heap the warm engine would hold it in, it is made in
 * this JVM, so the analyses with an in-memory form answer there as they do in the app and the
 * shell ({@link MemoryFirstRun}): one pass over the actions instead of a hundred Spark jobs per
 * analysis. Otherwise, and for Spark's own analyses, Spark makes it once and keeps it. Only in
 * local mode: a run sent to a cluster ({@code --master}) or a Spark Connect server
 * ({@code --remote}) is asked to run there, so every analysis does.
 */
public final class ColdRun {

    private ColdRun() {
    }

    /** Runs {@code request} on the model of {@code tables}, holding it in memory when it fits. */
    public static AnalysisRunner.Outcome run(LogTables tables, RunRequest request, AnalysisRunner.Listener listener) {
        SparkSession spark = tables.actions().sparkSession();
        boolean local = !SparkSessions.isRemote(spark) && spark.sparkContext().isLocal();
        long maxActions = local ? WorkspaceEngine.defaultMaxMemoryActions(spark) : 0;
        return run(() -> tables, request, listener, maxActions, Imported.NONE);
    }

    /** @param maxMemoryActions the most actions held in memory; 0 runs every analysis on Spark */
    public static AnalysisRunner.Outcome run(LogTables tables, RunRequest request, AnalysisRunner.Listener listener,
                                             long maxMemoryActions) {
        return run(() -> tables, request, listener, maxMemoryActions, Imported.NONE);
    }

    /**
     * As {@link #run(LogTables, RunRequest, AnalysisRunner.Listener, Imported)} in this process's
     * Spark, which {@code tables} starts and opens the tables in only if an analysis reads them:
     * when the import kept everything the analyses read, no Spark job runs, and Spark's start
     * (seconds of CPU on a two-core machine, beside the import) is not paid at all.
     */
    public static AnalysisRunner.Outcome runLocally(Supplier<LogTables> tables, RunRequest request,
                                                    AnalysisRunner.Listener listener, Imported imported) {
        Memoized<LogTables> opened = Memoized.of(tables);
        long maxActions = WorkspaceEngine.maxMemoryActions(MemoryBudget.beforeSpark());
        return run(opened, request, listener, maxActions, imported);
    }

    /**
     * What the import kept of the tables it made, and the datasets the tables read (against which
     * it checks that it kept exactly those).
     */
    public record Imported(HeldImport held, Collection<DatasetInfo> datasets) {

        /** Nothing kept: every table is read. */
        public static final Imported NONE = new Imported(new HeldImport(0), List.of());
    }

    private static AnalysisRunner.Outcome run(Supplier<LogTables> tables, RunRequest request,
                                              AnalysisRunner.Listener listener, long maxMemoryActions,
                                              Imported imported) {
        Optional<MemoryModel> memory = held(tables, request, maxMemoryActions, imported);
        // Clicks too are held under the actions' limit: a click takes half an action's bytes.
        HeldAdClicks ads = maxMemoryActions > 0 && request.analyses().contains(AdClickAnalysis.NAME)
                ? HeldAdClicks.of(tables, imported.held().clicks(imported.datasets()), maxMemoryActions)
                : HeldAdClicks.of(tables, -1, maxMemoryActions);
        if (!sparkReadsSessions(request, memory.isPresent())) {
            // Held here, or ads alone: Spark's model is planned only if something asks for it, and
            // its sessions are not kept, which would only double the peak memory.
            return run(Memoized.of(() -> SessionModel.of(tables.get())), memory, ads, request, listener);
        }
        SessionModel made = SessionModel.of(tables.get());
        Dataset<Row> kept = made.sessions().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return run(Memoized.now(new SessionModel(kept, made.users(), tables.get())), memory, ads, request,
                    listener);
        } finally {
            kept.unpersist();
        }
    }

    private static AnalysisRunner.Outcome run(Memoized<SessionModel> model, Optional<MemoryModel> memory,
                                              HeldAdClicks ads, RunRequest request,
                                              AnalysisRunner.Listener listener) {
        List<String> notes = new ArrayList<>();
        Set<Long> excluded = Set.of();
        if (memory.isPresent() && request.filter().excludeSuspects()) {
            ModelSuspects suspects = ModelSuspects.of(model, memory, request.audience().minDwellSeconds());
            excluded = suspects.users();
            notes.add(suspects.note());
        }
        return MemoryFirstRun.run(model, memory, ads, excluded, notes, request, listener, MemoryFirstRun.Known.NONE);
    }

    /**
     * Whether every analysis of {@code request} is answered in this JVM once the import keeps what
     * it reads (the model, the ad clicks): then a run needs no Spark job.
     */
    public static boolean answeredInMemory(RunRequest request) {
        return !sparkReadsSessions(request, true);
    }

    /**
     * Whether Spark reads the sessions: an analysis of sessions not answered in memory. Ads reads
     * ad clicks only, and the suspects left out are found in memory when the model is held.
     */
    private static boolean sparkReadsSessions(RunRequest request, boolean held) {
        return request.analyses().stream().anyMatch(a -> !a.equals(AdClickAnalysis.NAME)
                && !(held && MemoryAnalyses.SUPPORTED.contains(a)));
    }

    /**
     * The model made in this JVM when the request has an analysis that reads it there and it
     * fits; empty when Spark's builder must make it ({@link MemoryModelBuilder#build}).
     */
    private static Optional<MemoryModel> held(Supplier<LogTables> tables, RunRequest request, long maxActions,
                                              Imported imported) {
        if (maxActions <= 0 || !MemoryAnalyses.readModel(request)) {
            return Optional.empty();
        }
        Optional<MemoryModel> kept = imported.held().model(tables, imported.datasets());
        if (kept.isPresent()) {
            return kept;
        }
        long actions = tables.get().actions().count();
        return actions <= maxActions ? MemoryModelBuilder.build(tables.get(), actions) : Optional.empty();
    }
}
