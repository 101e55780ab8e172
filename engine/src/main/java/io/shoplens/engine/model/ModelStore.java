package io.shoplens.engine.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.DataFolder;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.Workspace;

/**
 * Keeps the session model of a workspace as Parquet in the {@code model/} folder of its
 * {@link DataFolder} (beside {@code data/}, so a cluster's executors reach both), one folder per
 * set of datasets the model was made from: {@code model/<key>/sessions} and {@code .../users},
 * the key a hash of those datasets' ids and fingerprints and of the model's format.
 *
 * <p>A model is never stale: the key changes with every import or removal of actions, users,
 * products or cities, and a folder for the current key is made before it is read. It is written
 * to {@code model/.tmp-<uuid>} and renamed into place, so a folder under its key is always whole;
 * a process killed while writing leaves a temporary folder, which the next build deletes, and
 * the models of earlier keys, which stay usable by whoever still reads them until a newer model
 * replaces them.
 */
public final class ModelStore {

    /** Bumped whenever the model's columns or meaning change, so older folders are rebuilt. */
    static final int FORMAT = 1;
    static final String FOLDER = "model";
    private static final String TEMP_PREFIX = ".tmp-";
    /** The kinds whose rows the model is made of; ad clicks are not in it. */
    private static final Set<LogKind> MODEL_KINDS = Set.of(LogKind.USER_VISIT_ACTION, LogKind.USER_INFO,
            LogKind.PRODUCT_INFO, LogKind.CITY_INFO);
    /** Models kept besides the current one, for readers that opened them before an import. */
    private static final int KEEP_EARLIER = 1;

    private final Workspace workspace;
    private final DataFolder data;

    public ModelStore(Workspace workspace) {
        this.workspace = workspace;
        this.data = workspace.data();
    }

    /** What a model was loaded from: its key, and whether it had to be made first. */
    public record Loaded(SessionModel model, String key, boolean built) {
    }

    /**
     * The model of the workspace's datasets as they are now: read from its folder, or made from
     * the log tables and written there first. The sessions and users are plans over the Parquet
     * files; the caller decides whether to keep them in memory.
     */
    public synchronized Loaded load(SparkSession spark) {
        String key = currentKey();
        String folder = FOLDER + "/" + key;
        LogTables tables = workspace.tables(spark);
        boolean built = false;
        try {
            if (!data.isDirectory(folder)) {
                write(SessionModel.of(tables), folder);
                built = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the session model in " + data.location(FOLDER) + ": "
                    + e.getMessage(), e);
        }
        return new Loaded(read(spark, data.location(folder), tables), key, built);
    }

    /** The key of the model the workspace's datasets make now (cheap: reads the catalog only). */
    public String currentKey() {
        return keyOf(workspace.datasets().all(), workspace.datasets().precedenceOrder());
    }

    /** @param precedence dataset ids, the one that wins where definitions differ last */
    static String keyOf(List<DatasetInfo> datasets, List<Long> precedence) {
        StringBuilder text = new StringBuilder("format ").append(FORMAT).append('\n');
        datasets.stream()
                .filter(d -> MODEL_KINDS.contains(d.kind()) && d.rowsAccepted() > 0)
                .sorted(Comparator.comparingLong(DatasetInfo::id))
                .forEach(d -> text.append(d.id()).append(' ').append(d.kind().id()).append(' ')
                        .append(d.fingerprint()).append(' ').append(precedence.indexOf(d.id())).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void write(SessionModel model, String folder) {
        String temp = FOLDER + "/" + TEMP_PREFIX + UUID.randomUUID();
        try {
            data.createFolders(FOLDER);
            deleteTemporaries();
            model.sessions().write().mode(SaveMode.ErrorIfExists).parquet(data.location(temp + "/sessions"));
            // The users are made from the sessions just written, not from the actions again.
            Dataset<Row> written = model.sessions().sparkSession().read().parquet(data.location(temp + "/sessions"));
            SessionModel.usersOf(written).write().mode(SaveMode.ErrorIfExists).parquet(data.location(temp + "/users"));
            try {
                data.move(temp, folder);
            } catch (FileAlreadyExistsException e) {
                // Another process made the same model meanwhile: both are the same rows.
                data.deleteTree(temp);
            }
            deleteEarlierThan(key(folder));
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("Cannot write the session model in " + data.location(FOLDER) + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static String key(String folder) {
        return folder.substring(folder.lastIndexOf('/') + 1);
    }

    private static SessionModel read(SparkSession spark, String folder, LogTables tables) {
        Dataset<Row> sessions = spark.read().parquet(folder + "/sessions");
        Dataset<Row> users = spark.read().parquet(folder + "/users");
        return new SessionModel(sessions.select(SessionColumns.columns()), users, tables);
    }

    /** Temporary folders of builds that did not finish; a build in another process keeps its own until renamed. */
    private void deleteTemporaries() throws IOException {
        for (DataFolder.Entry e : data.list(FOLDER)) {
            // Older than an hour: no build of a desktop-sized model takes that long.
            if (e.name().startsWith(TEMP_PREFIX) && e.modifiedMillis() < System.currentTimeMillis() - 3_600_000L) {
                data.deleteTree(FOLDER + "/" + e.name());
            }
        }
    }

    /** Keeps the model under {@code currentKey} and the newest {@link #KEEP_EARLIER} others. */
    private void deleteEarlierThan(String currentKey) throws IOException {
        List<DataFolder.Entry> others = data.list(FOLDER).stream()
                .filter(e -> e.directory() && !e.name().equals(currentKey) && !e.name().startsWith(TEMP_PREFIX))
                .sorted(Comparator.comparingLong(DataFolder.Entry::modifiedMillis).reversed()).toList();
        for (DataFolder.Entry old : others.subList(Math.min(KEEP_EARLIER, others.size()), others.size())) {
            deleteQuietly(FOLDER + "/" + old.name());
        }
    }

    private void deleteQuietly(String folder) {
        try {
            data.deleteTree(folder);
        } catch (IOException | RuntimeException e) {
            // A temporary folder left behind is deleted by the next build.
        }
    }

    /** The schema of the sessions table, for readers that must not infer it. */
    public static StructType sessionSchema(SparkSession spark) {
        return SessionModel.of(LogTables.empty(spark)).sessions().schema();
    }
}
