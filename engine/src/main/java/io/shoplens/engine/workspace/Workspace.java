package io.shoplens.engine.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.analysis.LogTables;

/**
 * A ShopLens workspace: a folder with {@code workspace.db} (the SQLite {@link Catalog}) and
 * {@code data/} (one Parquet folder per dataset, {@code data/<id>/}). The Parquet may live
 * elsewhere, in a {@link DataFolder} on a Hadoop file system that a cluster's executors read; the
 * catalog always stays in the folder, with the user. A small facade over its
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

    static final String DATA_ROOT = "data_root";

    private final Path folder;
    private final DataFolder data;
    private final Catalog catalog;
    private final Staging staging;
    private final Datasets datasets;
    private final Runs runs;
    private final References references;

    private Workspace(Path folder, DataFolder data, Catalog catalog) {
        this.folder = folder;
        this.data = data;
        this.catalog = catalog;
        this.staging = new Staging(folder, data);
        this.datasets = new Datasets(data, catalog, staging);
        this.runs = new Runs(catalog);
        this.references = new References(datasets);
    }

    /**
     * Opens the workspace in {@code folder}, creating the folder and catalog when missing; its
     * Parquet is where it was put when the workspace was made ({@link #open(Path, String)}).
     */
    public static Workspace open(Path folder) {
        return open(folder, null);
    }

    /**
     * As {@link #open(Path)}, keeping the Parquet in {@code dataRoot} (a local folder or a Hadoop
     * file-system URI such as {@code hdfs://namenode:8020/shoplens/shop}) when not null. A workspace
     * gets its data root once, while it holds no dataset; asking an existing one for another is an
     * error rather than a silent split of its data between two places.
     */
    public static Workspace open(Path folder, String dataRoot) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.resolve(Staging.DATA));
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create workspace folder " + absolute + ": " + e.getMessage(), e);
        }
        Catalog catalog = Catalog.open(absolute.resolve("workspace.db"));
        Workspace ws;
        try {
            ws = new Workspace(absolute, dataFolder(absolute, catalog, dataRoot), catalog);
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
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

    /** Where the workspace's Parquet is: the datasets' and the stored session model's. */
    public DataFolder data() {
        return data;
    }

    private static DataFolder dataFolder(Path folder, Catalog catalog, String asked) {
        String stored = catalog.read(db -> {
            try (PreparedStatement p = db.prepareStatement("SELECT value FROM settings WHERE key=?")) {
                p.setString(1, DATA_ROOT);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        DataFolder own = DataFolder.at(folder.toString());
        DataFolder current = stored == null ? own : DataFolder.at(stored);
        if (asked == null || asked.isBlank()) {
            return current;
        }
        DataFolder wanted = DataFolder.at(asked.strip());
        if (wanted.root().equals(current.root())) {
            return current;
        }
        int datasets = catalog.read(db -> {
            try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM datasets");
                 ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        if (datasets > 0) {
            throw new WorkspaceException("The workspace " + folder + " keeps its " + datasets + " dataset(s) in "
                    + current.root() + ", not in " + wanted.root()
                    + "; use another workspace folder for data kept there");
        }
        try {
            wanted.createFolders(Staging.DATA);
        } catch (IOException | RuntimeException e) {
            throw new WorkspaceException("Cannot create the data folder " + wanted.root() + ": " + e.getMessage(), e);
        }
        catalog.inTransaction(db -> {
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value")) {
                p.setString(1, DATA_ROOT);
                p.setString(2, wanted.root());
                p.executeUpdate();
            }
            return null;
        });
        return wanted;
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
