package io.shoplens.engine.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.analysis.LogTables;

/**
 * A ShopLens workspace: a folder with {@code workspace.db} (the SQLite {@link Catalog}) and
 * {@code data/} (one Parquet folder per dataset, {@code data/<id>/}). A small facade over its
 * parts: the {@link Datasets} and their {@link Staging} folders, the recorded {@link Runs}, the
 * {@link References} between datasets, and the tables the analyses read. One instance owns one catalog connection, which the app's job
 * threads may share.
 *
 * <p>Opening recovers from a killed process: staging folders and running runs whose process is
 * gone are cleaned up; those of a live process (the app beside a CLI) are left alone.
 */
public final class Workspace implements AutoCloseable {

    public static final String PROPERTY = "shoplens.workspace";
    public static final String ENVIRONMENT = "SHOPLENS_WORKSPACE";

    private final Path folder;
    private final Catalog catalog;
    private final Staging staging;
    private final Datasets datasets;
    private final Runs runs;
    private final References references;

    private Workspace(Path folder, Catalog catalog) {
        this.folder = folder;
        this.catalog = catalog;
        this.staging = new Staging(folder.resolve("data"));
        this.datasets = new Datasets(folder, catalog, staging);
        this.runs = new Runs(catalog);
        this.references = new References(datasets);
    }

    /** Opens the workspace in {@code folder}, creating the folder and catalog when missing. */
    public static Workspace open(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.resolve("data"));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create workspace folder " + absolute + ": " + e.getMessage(), e);
        }
        Catalog catalog = Catalog.open(absolute.resolve("workspace.db"));
        Workspace ws = new Workspace(absolute, catalog);
        try {
            ws.staging.deleteStale();
            ws.runs.markInterrupted();
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
        return ws;
    }

    /**
     * The default folder: system property {@value #PROPERTY}, else environment variable
     * {@value #ENVIRONMENT}, else the OS's per-user data folder plus {@code ShopLens}.
     */
    public static Path defaultLocation() {
        return WorkspaceLocation.defaultFolder();
    }

    public Path folder() {
        return folder;
    }

    /** The SQLite catalog, for stores outside this package (the live view's connections). */
    public Catalog catalog() {
        return catalog;
    }

    public Datasets datasets() {
        return datasets;
    }

    public Staging staging() {
        return staging;
    }

    public Runs runs() {
        return runs;
    }

    /** Where reference datasets define ids differently, and which definition wins. */
    public References references() {
        return references;
    }

    /** Every dataset's rows as the analyses read them; see {@link AnalysisTables}. */
    public LogTables tables(SparkSession spark) {
        return AnalysisTables.of(spark, datasets.all(), datasets.rankings());
    }

    /** As {@link #tables(SparkSession)}, over the given datasets only. */
    public LogTables tables(SparkSession spark, Collection<Long> datasetIds) {
        return AnalysisTables.of(spark, AnalysisTables.only(datasets.all(), datasetIds), datasets.rankings());
    }

    @Override
    public void close() {
        catalog.close();
    }
}
