package io.shoplens.engine.run;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.model.SessionColumns;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.spark.SparkSessions;

/**
 * A request on freshly imported tables, as the one-shot commands make it ({@code analyze},
 * {@code report}): the session model is made once and kept by Spark and, when it fits the heap
 * the warm engine would hold it in, loaded into this JVM, so the analyses with an in-memory form
 * answer there as they do in the app and the shell ({@link MemoryFirstRun}): one pass over the
 * sessions instead of a hundred Spark jobs per analysis. Only in local mode: a run sent to a
 * cluster ({@code --master}) or a Spark Connect server ({@code --remote}) is asked to run there,
 * so every analysis does.
 */
public final class ColdRun {

    private ColdRun() {
    }

    /** Runs {@code request} on the model of {@code tables}, holding it in memory when it fits. */
    public static AnalysisRunner.Outcome run(LogTables tables, RunRequest request, AnalysisRunner.Listener listener) {
        SparkSession spark = tables.actions().sparkSession();
        boolean local = !SparkSessions.isRemote(spark) && spark.sparkContext().isLocal();
        long maxActions = local ? WorkspaceEngine.defaultMaxMemoryActions(spark) : 0;
        return run(tables, request, listener, maxActions);
    }

    /** @param maxMemoryActions the most actions held in memory; 0 runs every analysis on Spark */
    public static AnalysisRunner.Outcome run(LogTables tables, RunRequest request, AnalysisRunner.Listener listener,
                                             long maxMemoryActions) {
        SessionModel made = SessionModel.of(tables);
        Dataset<Row> kept = made.sessions().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            SessionModel model = new SessionModel(kept, made.users(), tables);
            Optional<MemoryModel> memory = held(model, request, maxMemoryActions);
            if (memory.isPresent() && !sparkReadsSessions(request)) {
                // Held here now: Spark's copy would only double the run's peak memory.
                kept.unpersist();
            }
            List<String> notes = new ArrayList<>();
            Set<Long> excluded = Set.of();
            if (memory.isPresent() && request.filter().excludeSuspects()) {
                ModelSuspects suspects = ModelSuspects.of(model, memory, request.audience().minDwellSeconds());
                excluded = suspects.users();
                notes.add(suspects.note());
            }
            return MemoryFirstRun.run(model, memory, excluded, notes, request, listener, MemoryFirstRun.Known.NONE);
        } finally {
            kept.unpersist();
        }
    }

    /**
     * Whether Spark still reads the sessions once they are held here: an analysis without an
     * in-memory form that reads them. Ads reads ad clicks only, and the suspects left out are
     * found in memory.
     */
    private static boolean sparkReadsSessions(RunRequest request) {
        return request.analyses().stream()
                .anyMatch(a -> !MemoryAnalyses.SUPPORTED.contains(a) && !a.equals(AdClickAnalysis.NAME));
    }

    /** The model in memory when the request has an analysis that reads it there and it fits. */
    private static Optional<MemoryModel> held(SessionModel model, RunRequest request, long maxActions) {
        if (maxActions <= 0 || request.analyses().stream().noneMatch(MemoryAnalyses.SUPPORTED::contains)) {
            return Optional.empty();
        }
        Row counted = model.sessions().agg(sum(col(SessionColumns.STEPS))).first();
        long actions = counted.isNullAt(0) ? 0 : counted.getLong(0);
        return actions <= maxActions ? Optional.of(MemoryModel.load(model)) : Optional.empty();
    }
}
