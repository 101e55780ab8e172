package io.shoplens.engine.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemoryModelBuilder;
import io.shoplens.engine.model.ModelStore;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.overview.Overview;
import io.shoplens.engine.overview.Overviews;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.Workspace;

/**
 * One workspace's analyses kept warm, for a process that answers many requests: the app and
 * {@code shoplens shell}. The session model is made once per set of datasets and kept: when it
 * fits this JVM, made here from the log tables ({@link MemoryModelBuilder}) and held
 * ({@link MemoryModel}), where the analyses that have an in-memory form answer in milliseconds;
 * else made by Spark, stored in the workspace ({@link ModelStore}) and kept in Spark's memory. Each
 * analysis' result is remembered for the inputs it depends on, so a filter change does not
 * recompute the ad clicks, and a request already answered comes back at once.
 *
 * <p>Never stale: every request first compares the workspace's datasets with those the warm
 * model was made from, and loads the new model after an import or removal.
 *
 * <p>Thread-safe: requests may come from several threads; one model load runs at a time, and
 * runs in progress keep the model they started with.
 */
public final class WorkspaceEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WorkspaceEngine.class.getName());
    /** Results remembered, newest kept: a session of exploring rarely comes back further. */
    private static final int REMEMBERED = 256;

    private final Workspace workspace;
    private final SparkSession spark;
    private final ModelStore store;
    private final long maxMemoryActions;
    private Warm warm;
    private final Map<String, AnalysisResult> remembered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AnalysisResult> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * The model as loaded for one set of datasets, and the suspects found on it per --min-dwell.
     *
     * @param model Spark's model: its sessions kept by Spark when the model is not held here,
     *              else a plan made on first use
     */
    private record Warm(String key, String adKey, Memoized<SessionModel> model, Optional<MemoryModel> memory,
                        HeldAdClicks ads, Map<Integer, ModelSuspects> suspects) {
    }

    /**
     * @param maxMemoryActions the most actions whose model is held in this JVM; above, every
     *                         analysis runs on Spark ({@link #defaultMaxMemoryActions})
     */
    public WorkspaceEngine(Workspace workspace, SparkSession spark, long maxMemoryActions) {
        this.workspace = workspace;
        this.spark = spark;
        this.store = new ModelStore(workspace);
        this.maxMemoryActions = maxMemoryActions;
    }

    /**
     * The most actions held in memory by default: what {@link MemoryBudget} leaves the model
     * beside {@code spark} ({@code -Dshoplens.memory.maxActions} overrides it).
     */
    public static long defaultMaxMemoryActions(SparkSession spark) {
        return maxMemoryActions(MemoryBudget.of(spark));
    }

    /** {@link #defaultMaxMemoryActions} for {@code budget}. */
    static long maxMemoryActions(MemoryBudget budget) {
        String given = System.getProperty("shoplens.memory.maxActions");
        if (given != null) {
            return Long.parseLong(given.trim());
        }
        return budget.maxActions();
    }

    /** Loads the model of the workspace's datasets now (e.g. right after an import), if not warm already. */
    public void warmUp() {
        current();
    }

    /** Whether the workspace's session analyses are answered from memory now. */
    public synchronized boolean inMemory() {
        return warm != null && warm.memory().isPresent();
    }

    /**
     * Runs {@code request}: each analysis from memory when it has an in-memory form and the model
     * is held there, else on Spark over the warm model, or remembered from an earlier request with
     * the same inputs. Spark's job group and cancellation are the caller's, as with
     * {@link AnalysisRunner}.
     */
    public AnalysisRunner.Outcome run(RunRequest request, AnalysisRunner.Listener listener) {
        Warm w = current();
        List<String> notes = new ArrayList<>();
        Set<Long> excluded = Set.of();
        if (request.filter().excludeSuspects()) {
            ModelSuspects suspects = suspectsOf(w, request.audience().minDwellSeconds());
            excluded = suspects.users();
            notes.add(suspects.note());
        }
        return MemoryFirstRun.run(w.model(), w.memory(), w.ads(), excluded, notes, request, listener,
                new MemoryFirstRun.Known() {
                    @Override
                    public AnalysisResult recall(String analysis) {
                        return WorkspaceEngine.this.recall(keyOf(w, analysis, request));
                    }

                    @Override
                    public void remember(String analysis, AnalysisResult result) {
                        WorkspaceEngine.this.remember(keyOf(w, analysis, request), result);
                    }
                });
    }

    /**
     * The shop at a glance under {@code filter}: in memory when the model is held there, else one
     * small Spark job over the warm model. Cheap enough to show as soon as data is in.
     */
    public Overview overview(SessionFilter filter) {
        Warm w = current();
        if (w.memory().isPresent()) {
            Set<Long> excluded = filter.excludeSuspects()
                    ? suspectsOf(w, AudienceParams.DEFAULT_MIN_DWELL_SECONDS).users() : Set.of();
            return Overviews.of(MemoryFilter.apply(w.memory().get(), filter, excluded));
        }
        return Overviews.of(w.model().get().sessions(filter));
    }

    /** The suspects of the warm model, found once per --min-dwell and kept. */
    private ModelSuspects suspectsOf(Warm w, int minDwell) {
        synchronized (w.suspects()) {
            return w.suspects().computeIfAbsent(minDwell, dwell -> ModelSuspects.of(w.model(), w.memory(), dwell));
        }
    }

    /** The warm model of the workspace's datasets as they are now, loading it when they changed. */
    private synchronized Warm current() {
        List<DatasetInfo> datasets = workspace.datasets().all();
        String key = store.currentKey();
        String adKey = adKeyOf(datasets);
        if (warm != null && warm.key().equals(key)) {
            if (!warm.adKey().equals(adKey)) {
                // New ad clicks change no session: the same model reads the new ad table.
                LogTables tables = workspace.tables(spark);
                Memoized<SessionModel> model = warm.model();
                warm = new Warm(key, adKey, warm.memory().isPresent() ? Memoized.of(() -> SessionModel.of(tables))
                        : Memoized.now(new SessionModel(model.get().sessions(), model.get().users(), tables)),
                        warm.memory(), heldAdClicks(datasets, tables), warm.suspects());
            }
            return warm;
        }
        // New actions change no ad click: clicks already read stay, and are not read again.
        HeldAdClicks sameClicks = warm != null && warm.adKey().equals(adKey) ? warm.ads() : null;
        release();
        long start = System.nanoTime();
        long actions = datasets.stream().filter(d -> d.kind() == LogKind.USER_VISIT_ACTION)
                .mapToLong(DatasetInfo::rowsAccepted).sum();
        LogTables tables = workspace.tables(spark);
        Optional<MemoryModel> memory = actions <= maxMemoryActions ? MemoryModelBuilder.build(tables, actions)
                : Optional.empty();
        Memoized<SessionModel> model;
        String how;
        if (memory.isPresent()) {
            // Held here, every analysis of sessions reads this copy: Spark's model stays a plan,
            // made only if an analysis without an in-memory form ever asks for it.
            model = Memoized.of(() -> SessionModel.of(tables));
            how = "made in this JVM and held there";
            JitWarmUp.start(memory.get());
        } else {
            // Too big to hold here: Spark keeps it, spilling to disk what does not fit.
            ModelStore.Loaded loaded = store.load(spark);
            model = Memoized.now(new SessionModel(loaded.model().sessions().persist(StorageLevel.MEMORY_AND_DISK()),
                    loaded.model().users(), loaded.model().tables()));
            how = (loaded.built() ? "made" : "read") + " and kept by Spark";
        }
        warm = new Warm(key, adKey, model, memory, sameClicks != null ? sameClicks : heldAdClicks(datasets, tables),
                new java.util.HashMap<>());
        LOG.log(System.Logger.Level.INFO, "Session model {0} {1} in {2} ms", key, how,
                (System.nanoTime() - start) / 1_000_000);
        return warm;
    }

    /** The ad clicks, read into this JVM by the first ads request; held under the actions' limit (a click takes half an action's bytes). */
    private HeldAdClicks heldAdClicks(List<DatasetInfo> datasets, LogTables tables) {
        long clicks = datasets.stream().filter(d -> d.kind() == LogKind.AD_CLICK).mapToLong(DatasetInfo::rowsAccepted)
                .sum();
        return HeldAdClicks.of(tables, clicks, maxMemoryActions);
    }

    private static String adKeyOf(List<DatasetInfo> datasets) {
        StringBuilder key = new StringBuilder();
        datasets.stream().filter(d -> d.kind() == LogKind.AD_CLICK)
                .forEach(d -> key.append(d.id()).append(':').append(d.fingerprint()).append(';'));
        return key.toString();
    }

    /** What an analysis' result depends on: the model, its own parameters and, but for ad clicks, the filter. */
    private static String keyOf(Warm w, String analysis, RunRequest request) {
        if (analysis.equals(AdClickAnalysis.NAME)) {
            return w.adKey() + '|' + analysis + '|' + request.ads();
        }
        // Which users --exclude-suspects drops depends on the run's --min-dwell too.
        String suspects = request.filter().excludeSuspects() ? "|dwell=" + request.audience().minDwellSeconds() : "";
        return w.key() + '|' + analysis + '|' + request.filter() + suspects + '|' + request.paramsOf(analysis);
    }

    private synchronized AnalysisResult recall(String key) {
        return remembered.get(key);
    }

    private synchronized void remember(String key, AnalysisResult result) {
        remembered.put(key, result);
    }

    private void release() {
        if (warm != null && warm.memory().isEmpty()) {
            warm.model().get().sessions().unpersist();
        }
        warm = null;
        remembered.clear();
    }

    @Override
    public synchronized void close() {
        release();
    }
}
