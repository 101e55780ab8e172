package io.shoplens.app.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.FormatSniffer;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.overview.Overview;
import io.shoplens.engine.run.AnalysisRunner;
import io.shoplens.engine.run.ModelWarmUp;
import io.shoplens.engine.run.RecordedRun;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.run.WorkspaceEngine;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.ReferenceConflict;
import io.shoplens.engine.workspace.RunSummary;
import io.shoplens.engine.workspace.StoredRun;
import io.shoplens.engine.workspace.Workspace;

/**
 * The {@link EngineService} over the real engine: the workspace catalog answers what needs no
 * Spark (datasets, last results, rename, remove, import), and one {@link WorkspaceEngine} per open
 * workspace answers the analyses from its warm session model, inside the app job's Spark job group
 * (analyses held in memory run no Spark job at all).
 *
 * <p>The workspace opens on first use, not in the constructor, because the constructor runs on
 * the FX thread before the window shows; Spark starts in {@link #warmUp()}.
 */
public final class SparkEngineService implements EngineService {

    private static final System.Logger LOG = System.getLogger(SparkEngineService.class.getName());
    private static final int PROGRESS_STEPS = 1000;

    private final Path folder;
    private final Supplier<SparkSession> sessions;
    private final boolean stopSparkOnClose;
    private final SparkProgressBridge bridge = new SparkProgressBridge();
    private Workspace workspace;
    private SparkSession spark;
    private WorkspaceEngine engine;
    private FilterChoiceCache choiceCache;

    /**
     * @param stopSparkOnClose the app stops Spark on exit; tests share one session per JVM and keep it
     */
    public SparkEngineService(Path folder, SparkSettings settings, boolean stopSparkOnClose) {
        this(folder, () -> SparkSessions.warmUp(settings).join(), stopSparkOnClose);
    }

    /** On the session {@code sessions} gives (made on first use); tests pass one of their own. */
    SparkEngineService(Path folder, Supplier<SparkSession> sessions, boolean stopSparkOnClose) {
        this.folder = folder;
        this.sessions = sessions;
        this.stopSparkOnClose = stopSparkOnClose;
    }

    /** Whether this service has asked for Spark yet (reading the catalog and last results never does). */
    public synchronized boolean sparkStarted() {
        return spark != null;
    }

    @Override
    public void warmUp() {
        Workspace ws = workspace();
        SparkSession session = spark();
        if (ws.datasets().all().isEmpty() && !SparkSessions.isRemote(session) && session.sparkContext().isLocal()) {
            // Nothing to model yet: the first import's model would pay Spark's cold start (6 s
            // for the sample's, against 1.6 s warm), so a model of six bundled actions pays it
            // now, in the background, while the window waits for that import.
            ModelWarmUp.startOnce(session);
        }
        LOG.log(System.Logger.Level.INFO, "Spark ready {0} ms after the JVM started", System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    @Override
    public List<DatasetInfo> datasets() {
        return workspace().datasets().all();
    }

    @Override
    public FilterChoices filterChoices() {
        Workspace ws = workspace();
        return choiceCache().choices(ws.datasets().all(), () -> FilterChoiceQuery.compute(ws, spark()));
    }

    @Override
    public ImportPreview preview(Path file) throws IOException {
        return ImportPreviews.of(file, FormatSniffer.sniff(file, Optional.empty()));
    }

    @Override
    public ImportReport importFiles(List<ImportItem> items, JobContext job) {
        Workspace ws = workspace();
        CancellationToken cancel = new CancellationToken();
        job.onCancel(cancel::cancel);
        List<Path> files = new ArrayList<>(new LinkedHashSet<>(items.stream().map(ImportItem::file).toList()));
        Map<Path, LogKind> kinds = new HashMap<>();
        items.forEach(item -> item.kind().ifPresent(kind -> kinds.put(item.file(), kind)));
        // One importer call: it stages every file and commits them in one transaction, so the
        // port's all-or-nothing promise holds for a mixed selection too.
        return Importer.importFiles(ws, files, kinds, ImportOptions.defaults(), (fraction, message) -> {
            job.progress(Math.round(fraction * PROGRESS_STEPS), PROGRESS_STEPS);
            job.message(message);
        }, cancel);
    }

    @Override
    public void warmModel(JobContext job) throws Exception {
        if (workspace().datasets().all().isEmpty()) {
            return;
        }
        WorkspaceEngine warm = engine();
        SparkJobScope.run(spark(), bridge, job, "session model", () -> {
            warm.warmUp();
            return null;
        });
    }

    @Override
    public AnalysisResult run(RunRequest request, JobContext job) throws Exception {
        if (request.analyses().size() != 1) {
            throw new IllegalArgumentException("The app runs one analysis at a time: " + request.analyses());
        }
        String analysis = request.analyses().get(0);
        Workspace ws = workspace();
        WorkspaceEngine warm = engine();
        SparkSession session = spark();
        List<Long> datasetIds = ws.datasets().all().stream().map(DatasetInfo::id).toList();
        RecordedRun recorded = RecordedRun.start(ws, request, datasetIds);
        try {
            return recorded.complete(() -> {
                AnalysisRunner.Outcome outcome = SparkJobScope.run(session, bridge, job,
                        analysis, () -> warm.run(request, AnalysisRunner.Listener.NONE));
                if (job.isCancelled()) {
                    // Cancel arrived after the last Spark job: the user asked for nothing, so nothing is kept.
                    throw new CancellationException("cancelled");
                }
                return outcome;
            }, job::isCancelled).results().get(0);
        } catch (Exception | Error e) {
            if (job.isCancelled() && !(e instanceof CancellationException)) {
                throw cancelled(e);
            }
            throw e;
        }
    }

    @Override
    public AnalysisResult compare(RunRequest request, JobContext job) throws Exception {
        if (request.analyses().size() != 1) {
            throw new IllegalArgumentException("The app compares one analysis at a time: " + request.analyses());
        }
        WorkspaceEngine warm = engine();
        return unrecorded(request.analyses().get(0), job,
                () -> warm.run(request, AnalysisRunner.Listener.NONE).results().get(0));
    }

    @Override
    public Overview overview(SessionFilter filter, JobContext job) throws Exception {
        WorkspaceEngine warm = engine();
        return unrecorded("overview", job, () -> warm.overview(filter));
    }

    /** Work on the warm model inside the job's Spark job group, recorded nowhere. */
    private <T> T unrecorded(String name, JobContext job, java.util.concurrent.Callable<T> work) throws Exception {
        try {
            T answer = SparkJobScope.run(spark(), bridge, job, name, work);
            if (job.isCancelled()) {
                throw new CancellationException("cancelled");
            }
            return answer;
        } catch (Exception | Error e) {
            if (job.isCancelled() && !(e instanceof CancellationException)) {
                throw cancelled(e);
            }
            throw e;
        }
    }

    /** A failure caused by the user's cancel is a cancel, so the window says nothing about it. */
    private static CancellationException cancelled(Throwable cause) {
        CancellationException cancelled = new CancellationException("cancelled");
        cancelled.initCause(cause);
        return cancelled;
    }

    @Override
    public Optional<RunRequest> lastRequest(String analysis) {
        Optional<StoredRun> run = workspace().runs().lastSucceeded(analysis);
        if (run.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunRequest.fromJson(run.get().summary().parametersJson()));
        } catch (RuntimeException e) {
            // Parameters a ShopLens cannot read: the result still shows, with default inputs.
            LOG.log(System.Logger.Level.WARNING, "Cannot read the parameters of the last " + analysis + " run", e);
            return Optional.empty();
        }
    }

    @Override
    public Optional<SessionFilter> lastFilter() {
        // Ad clicks ignore the session filter: their runs say nothing about the window's.
        Optional<RunSummary> run = workspace().runs().lastSucceededOtherThan(AdClickAnalysis.NAME);
        try {
            return run.map(r -> RunRequest.fromJson(r.parametersJson()).filter());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot read the parameters of run " + run.get().id(), e);
            return Optional.empty();
        }
    }

    @Override
    public Optional<AnalysisResult> lastResult(String analysis) {
        // A run stored without its tables' schemas holds their text only: the view needs the values.
        return workspace().runs().lastSucceeded(analysis).filter(StoredRun::typed)
                .flatMap(run -> run.results().stream().filter(r -> r.analysis().equals(analysis)).findFirst());
    }

    @Override
    public List<ReferenceConflict> conflicts() {
        return workspace().references().conflicts();
    }

    @Override
    public void preferDataset(long datasetId) {
        workspace().datasets().prefer(datasetId);
        // Another user table may win now: the cached filter values may no longer be the users'.
        choiceCache().forget();
    }

    @Override
    public void renameDataset(long datasetId, String newName) {
        workspace().datasets().rename(datasetId, newName);
    }

    @Override
    public void removeDataset(long datasetId) {
        workspace().datasets().remove(datasetId);
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
        if (spark != null) {
            if (!SparkSessions.isRemote(spark)) {
                spark.sparkContext().removeSparkListener(bridge);
            }
            if (stopSparkOnClose) {
                SparkSessions.stop();
            }
            spark = null;
        }
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }

    /** The open workspace (opened on first use); the live view saves its connections there. */
    public synchronized Workspace workspace() {
        if (workspace == null) {
            workspace = Workspace.open(folder);
            choiceCache = new FilterChoiceCache(workspace.folder().resolve("filter-choices.json"));
            LOG.log(System.Logger.Level.INFO, "Workspace {0}", workspace.folder());
        }
        return workspace;
    }

    /**
     * The workspace's warm engine, made on first use and kept while the workspace is open: it
     * holds the session model (in this JVM when it fits) and the results already answered.
     */
    private WorkspaceEngine engine() {
        Workspace ws = workspace();
        SparkSession session = spark();
        synchronized (this) {
            if (engine == null) {
                engine = new WorkspaceEngine(ws, session, WorkspaceEngine.defaultMaxMemoryActions(session));
            }
            return engine;
        }
    }

    private synchronized FilterChoiceCache choiceCache() {
        workspace();
        return choiceCache;
    }

    /** The session the analyses run on (started on first use, blocking until ready); the live view streams on it. */
    public SparkSession sparkSession() {
        return spark();
    }

    /**
     * The shared session, started on first use; the progress bridge is registered once per service
     * (a Spark Connect session has no scheduler events to listen to: {@link SparkJobScope}).
     */
    private SparkSession spark() {
        SparkSession session;
        try {
            session = sessions.get();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        synchronized (this) {
            if (spark == null) {
                if (!SparkSessions.isRemote(session)) {
                    session.sparkContext().addSparkListener(bridge);
                }
                spark = session;
            }
            return spark;
        }
    }
}
