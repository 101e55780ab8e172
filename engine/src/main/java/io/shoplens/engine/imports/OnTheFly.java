package io.shoplens.engine.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.workspace.Workspace;

/**
 * Import-then-analyse for the {@code analyze} command: imports paths into a given workspace, or
 * into a temporary one (deleted on {@link #close()}), and offers the tables of exactly the
 * datasets this import produced or found as duplicates.
 */
public final class OnTheFly implements AutoCloseable {

    private final Workspace workspace;
    private final boolean temporary;
    private final ImportReport report;
    private final boolean dataFiles;

    private OnTheFly(Workspace workspace, boolean temporary, ImportReport report) {
        this(workspace, temporary, report, true);
    }

    private OnTheFly(Workspace workspace, boolean temporary, ImportReport report, boolean dataFiles) {
        this.workspace = workspace;
        this.temporary = temporary;
        this.report = report;
        this.dataFiles = dataFiles;
    }

    /**
     * Into a fresh temporary workspace that gets no data files: {@code tap} keeps the rows, and
     * the tables cannot be opened ({@link #tables} throws). For a one-shot run whose analyses all
     * read what {@code tap} keeps: writing Parquet was a third of a cold run's CPU, for files
     * deleted unread. The caller imports again with {@link #importTemporary} if {@code tap} did
     * not keep everything.
     */
    public static OnTheFly keptOnly(List<Path> inputs, ImportOptions options, ImportListener listener,
                                    CancellationToken cancel, ImportTap tap) throws IOException {
        Workspace ws = Workspace.open(Files.createTempDirectory("shoplens-workspace-"));
        try {
            return new OnTheFly(ws, true, Importer.importWithoutData(ws, inputs, options, listener, cancel, tap), false);
        } catch (RuntimeException e) {
            delete(ws);
            throw e;
        }
    }

    /** Into a fresh temporary workspace. */
    public static OnTheFly importTemporary(List<Path> inputs, ImportOptions options, ImportListener listener,
                                           CancellationToken cancel) throws IOException {
        return importTemporary(inputs, options, listener, cancel, ImportTap.NONE);
    }

    /** Into a fresh temporary workspace, {@code tap} seeing the accepted rows. */
    public static OnTheFly importTemporary(List<Path> inputs, ImportOptions options, ImportListener listener,
                                           CancellationToken cancel, ImportTap tap) throws IOException {
        Workspace ws = Workspace.open(Files.createTempDirectory("shoplens-workspace-"));
        try {
            return new OnTheFly(ws, true, Importer.importFiles(ws, inputs, options, listener, cancel, tap));
        } catch (RuntimeException e) {
            delete(ws);
            throw e;
        }
    }

    /** Into {@code ws}, which stays open and is not deleted on close. */
    public static OnTheFly importInto(Workspace ws, List<Path> inputs, ImportOptions options, ImportListener listener,
                                      CancellationToken cancel) {
        return importInto(ws, inputs, options, listener, cancel, ImportTap.NONE);
    }

    /** Into {@code ws}, {@code tap} seeing the accepted rows. */
    public static OnTheFly importInto(Workspace ws, List<Path> inputs, ImportOptions options, ImportListener listener,
                                      CancellationToken cancel, ImportTap tap) {
        return new OnTheFly(ws, false, Importer.importFiles(ws, inputs, options, listener, cancel, tap));
    }

    public ImportReport report() {
        return report;
    }

    public Workspace workspace() {
        return workspace;
    }

    /** The tables of this import's datasets only (see {@link Workspace#tables(SparkSession, java.util.Collection)}). */
    public LogTables tables(SparkSession spark) {
        if (!dataFiles) {
            // Spark would read the folders without files as empty tables: wrong numbers, silently.
            throw new IllegalStateException("the rows of this import were kept in memory only: no tables to open");
        }
        return workspace.tables(spark, report.datasetIds());
    }

    @Override
    public void close() {
        if (temporary) {
            delete(workspace);
        }
    }

    private static void delete(Workspace ws) {
        ws.close();
        try (var paths = Files.walk(ws.folder())) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
