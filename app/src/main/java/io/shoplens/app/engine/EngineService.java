package io.shoplens.app.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.overview.Overview;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.ReferenceConflict;

/**
 * The app's one door to the engine (a port: the app is written against it, the engine adapter
 * implements it). Every method may block: the app only calls them from the job runner's worker
 * threads, never on the FX thread. Methods that run Spark jobs take a {@link JobContext}: run
 * the Spark work inside its job group, report progress to it and stop when it is cancelled
 * (the app's {@code jobs.SparkJobScope} does all three for a SparkContext).
 */
public interface EngineService extends AutoCloseable {

    /** Starts Spark (and opens the workspace) so the first analysis does not pay for it; blocks until ready. */
    void warmUp() throws Exception;

    /** The datasets of the open workspace, in catalog order. Cheap: reads the catalog only. */
    List<DatasetInfo> datasets() throws Exception;

    /** Distinct values the filter pickers offer (professionals, cities, sexes, categories, date span). */
    FilterChoices filterChoices() throws Exception;

    /** Reads the first rows of one file and recognises its kind, delimiter and encoding, without importing. */
    ImportPreview preview(Path file) throws IOException;

    /**
     * Imports the files as datasets of the given kinds (an empty kind: recognise it). All or
     * nothing: a cancelled or failed import leaves the workspace as it was.
     */
    ImportReport importFiles(List<ImportItem> items, JobContext job) throws Exception;

    /**
     * Loads the session model of the workspace's datasets and keeps it warm, so the analyses that
     * follow answer from it (a no-op when it is warm already). Called after an import and once
     * the workspace is open.
     */
    void warmModel(JobContext job) throws Exception;

    /**
     * Runs the one analysis {@code request} names ({@code request.analyses()} holds exactly one)
     * on the warm model of the workspace's datasets and records it as the analysis' last run.
     */
    AnalysisResult run(RunRequest request, JobContext job) throws Exception;

    /**
     * Answers {@code request} as {@link #run} does, from the same warm model, without recording it:
     * the view's last result stays the one it shows. For a second answer beside it, such as the
     * same analysis with the suspects the other way.
     */
    AnalysisResult compare(RunRequest request, JobContext job) throws Exception;

    /** The shop at a glance under {@code filter}, from the warm model; not recorded as a run. */
    Overview overview(SessionFilter filter, JobContext job) throws Exception;

    /** The last recorded result of {@code analysis}, without running Spark. */
    Optional<AnalysisResult> lastResult(String analysis) throws Exception;

    /**
     * The parameters of the run behind {@link #lastResult(String)} of {@code analysis} (empty when
     * unknown), so a reopened view shows the inputs that produced the result it shows. No Spark.
     */
    default Optional<RunRequest> lastRequest(String analysis) throws Exception {
        return Optional.empty();
    }

    /**
     * The window's filter when it was last used: that of the newest succeeded run of an analysis
     * the filter applies to (empty when there is none, or it cannot be read). No Spark.
     */
    default Optional<SessionFilter> lastFilter() throws Exception {
        return Optional.empty();
    }

    /**
     * Where datasets of a reference kind define ids differently, and which wins (the most recent
     * import, unless the user preferred another). Reads the stored reference tables; no Spark.
     */
    List<ReferenceConflict> conflicts() throws Exception;

    /** Makes a dataset win where it and others define ids differently. */
    void preferDataset(long datasetId) throws Exception;

    void renameDataset(long datasetId, String newName) throws Exception;

    void removeDataset(long datasetId) throws Exception;

    /** Stops Spark and closes the workspace; called once when the app exits. */
    @Override
    void close();
}
