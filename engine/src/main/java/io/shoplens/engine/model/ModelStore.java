package io.shoplens.engine.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.Workspace;

/**
 * Keeps the session model of a workspace as Parquet in its {@code model/} folder, one folder per
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
    private final Path root;

    public ModelStore(Workspace workspace) {
        this.workspace = workspace;
        this.root = workspace.folder().resolve(FOLDER);
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
        Path folder = root.resolve(key);
        LogTables tables = workspace.tables(spark);
        boolean built = false;
        if (!Files.isDirectory(folder)) {
            write(SessionModel.of(tables), folder);
            built = true;
        }
        return new Loaded(read(spark, folder, tables), key, built);
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

    private void write(SessionModel model, Path folder) {
        Path temp = root.resolve(TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(root);
            deleteTemporaries();
            model.sessions().write().mode(SaveMode.ErrorIfExists).parquet(temp.resolve("sessions").toString());
            // The users are made from the sessions just written, not from the actions again.
            Dataset<Row> written = model.sessions().sparkSession().read().parquet(temp.resolve("sessions").toString());
            SessionModel.usersOf(written).write().mode(SaveMode.ErrorIfExists).parquet(temp.resolve("users").toString());
            try {
                Files.move(temp, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, folder);
            } catch (FileAlreadyExistsException e) {
                // Another process made the same model meanwhile: both are the same rows.
                deleteTree(temp);
            }
            deleteEarlierThan(folder);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("Cannot write the session model in " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static SessionModel read(SparkSession spark, Path folder, LogTables tables) {
        Dataset<Row> sessions = spark.read().parquet(folder.resolve("sessions").toString());
        Dataset<Row> users = spark.read().parquet(folder.resolve("users").toString());
        return new SessionModel(sessions.select(SessionColumns.columns()), users, tables);
    }

    /** Temporary folders of builds that did not finish; a build in another process keeps its own until renamed. */
    private void deleteTemporaries() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, TEMP_PREFIX + "*")) {
            for (Path temp : entries) {
                // Older than an hour: no build of a desktop-sized model takes that long.
                if (Files.getLastModifiedTime(temp).toMillis() < System.currentTimeMillis() - 3_600_000L) {
                    deleteTree(temp);
                }
            }
        }
    }

    /** Keeps {@code current} and the newest {@link #KEEP_EARLIER} others. */
    private void deleteEarlierThan(Path current) throws IOException {
        List<Path> others;
        try (Stream<Path> entries = Files.list(root)) {
            others = entries.filter(p -> Files.isDirectory(p) && !p.equals(current)
                            && !p.getFileName().toString().startsWith(TEMP_PREFIX))
                    .sorted(Comparator.comparingLong(ModelStore::modified).reversed()).toList();
        }
        for (Path old : others.subList(Math.min(KEEP_EARLIER, others.size()), others.size())) {
            deleteQuietly(old);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteTree(folder);
        } catch (IOException | UncheckedIOException e) {
            // A temporary folder left behind is deleted by the next build.
        }
    }

    /** The schema of the sessions table, for readers that must not infer it. */
    public static StructType sessionSchema(SparkSession spark) {
        return SessionModel.of(LogTables.empty(spark)).sessions().schema();
    }
}
