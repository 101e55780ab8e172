package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.files.AtomicFiles;
import io.shoplens.engine.files.ParquetRows;

/**
 * The live view's durable truth: every micro-batch's rows ({@link LiveMessages#SCHEMA}), first in
 * {@code messages/batch_id=N} (written with parquet-hadoop, no Spark job), later compacted into
 * daily files ({@link Compaction}, {@link CompactedFiles}); and the marker {@code merged-through}
 * saying which batches count.
 *
 * <p>Exactly once: a batch is stored, then the marker moves to it (an atomic rename), then it is
 * merged into the counts ({@link LiveAdState}, which records the batch it is at). A batch whose id
 * is at or below the marker is a replay (Spark re-runs the last uncommitted batch after a crash,
 * with the same offsets) and is not counted again; a folder above the marker is a partial
 * attempt, deleted before the query starts so that the replay stores it anew.
 *
 * <p>Readers ({@link #read}) see the compacted files and the batch folders above the compaction
 * as one table; a compaction deletes files only while no reader holds them.
 */
final class StoredBatches {

    /** The stored rows with the id of their batch. */
    static final StructType STORED = LiveMessages.SCHEMA.add("batch_id", DataTypes.LongType);
    private static final String BATCH_PREFIX = "batch_id=";
    private static final String PART = "part-0.parquet";
    /** A batch is bounded by maxOffsetsPerTrigger: one row group holds it. */
    private static final long ROW_GROUP_BYTES = 64L << 20;

    private final LiveFolders folders;
    /** The rows of a batch: the ad clicks' {@link LiveMessages#SCHEMA}, or the live GMV view's. */
    private final StructType schema;
    /** Readers hold it shared while Spark reads the files; a compaction deletes files holding it alone. */
    private final ReentrantReadWriteLock files = new ReentrantReadWriteLock();

    StoredBatches(LiveFolders folders) {
        this(folders, LiveMessages.SCHEMA);
    }

    StoredBatches(LiveFolders folders, StructType schema) {
        this.folders = folders;
        this.schema = schema;
    }

    LiveFolders folders() {
        return folders;
    }

    /** The last batch stored and counted; -1 when none is. */
    long mergedThrough() {
        Path marker = folders.mergedThrough();
        try {
            return Files.exists(marker) ? Long.parseLong(Files.readString(marker, StandardCharsets.UTF_8).strip())
                    : sparkWrittenThrough();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + marker + ": " + e.getMessage(), e);
        }
    }

    /**
     * Before the marker existed, Spark wrote each batch (with a {@code _SUCCESS} file when
     * complete) and every stored batch counted: such a workspace goes on from its last complete one.
     */
    private long sparkWrittenThrough() throws IOException {
        return batchFolders().stream().filter(p -> Files.exists(p.resolve("_SUCCESS")))
                .mapToLong(StoredBatches::batchId).max().orElse(-1);
    }

    /** The batch folders in {@code messages/}, by id. */
    List<Path> batchFolders() {
        if (!Files.isDirectory(folders.messages())) {
            return List.of();
        }
        try (Stream<Path> batches = Files.list(folders.messages())) {
            return batches.filter(p -> batchId(p) >= 0)
                    .sorted((a, b) -> Long.compare(batchId(a), batchId(b))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + folders.messages() + ": " + e.getMessage(), e);
        }
    }

    /** The id in a {@code batch_id=N} folder's name; -1 for anything else. */
    static long batchId(Path folder) {
        String name = folder.getFileName().toString();
        if (!name.startsWith(BATCH_PREFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(BATCH_PREFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Stores batch {@code batchId}'s rows (in the schema's order), replacing a partial earlier attempt. */
    void write(long batchId, List<Object[]> rows) {
        Path folder = folders.batch(batchId);
        try {
            LiveFolders.deleteTree(folder);
            if (rows.isEmpty()) {
                return;
            }
            Files.createDirectories(folder);
            try (ParquetWriter<Object[]> out = ParquetRows.writer(folder.resolve(PART), schema,
                    ROW_GROUP_BYTES)) {
                for (Object[] row : rows) {
                    out.write(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store live batch " + batchId + " in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The rows {@link #write} stored for {@code batchId}, in order, read without Spark (a batch is
     * small); none when the batch had none.
     */
    List<Object[]> rows(long batchId) {
        Path file = folders.batch(batchId).resolve(PART);
        List<Object[]> rows = new ArrayList<>();
        if (Files.exists(file)) {
            try {
                ParquetRows.read(file, schema, rows::add);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read live batch " + batchId + " in " + file + ": "
                        + e.getMessage(), e);
            }
        }
        return rows;
    }

    /** Batch {@code batchId} is stored and counts from now on, also after a crash. */
    void markMerged(long batchId) {
        try {
            Files.createDirectories(folders.root());
            AtomicFiles.write(folders.mergedThrough(),
                    out -> out.write(Long.toString(batchId).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + folders.mergedThrough() + ": " + e.getMessage(), e);
        }
    }

    CompactedFiles compacted() {
        return CompactedFiles.read(folders.compacted());
    }

    /**
     * Puts the stored files in the state a complete run leaves them in, whatever step a crash
     * interrupted: a batch folder above the marker is a partial attempt; one at or below the
     * compaction's {@code through} is already in the compacted files; a file under {@code days/}
     * that {@code compacted.json} does not list was written by a compaction that never took
     * effect, or replaced by one that did.
     */
    void recover() {
        long marker = mergedThrough();
        CompactedFiles compacted = compacted();
        try {
            for (Path p : batchFolders()) {
                long id = batchId(p);
                if (id > marker || id <= compacted.through()) {
                    LiveFolders.deleteTree(p);
                }
            }
            deleteUnlisted(compacted);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + folders.root() + ": " + e.getMessage(), e);
        }
    }

    private void deleteUnlisted(CompactedFiles compacted) throws IOException {
        Path days = folders.days();
        if (!Files.isDirectory(days)) {
            return;
        }
        Set<String> listed = compacted.files();
        List<Path> all;
        try (Stream<Path> paths = Files.walk(days)) {
            all = paths.sorted((a, b) -> b.compareTo(a)).toList();
        }
        for (Path p : all) {
            if (Files.isRegularFile(p) && !listed.contains(relative(p))) {
                Files.delete(p);
            } else if (Files.isDirectory(p) && !p.equals(days)) {
                try (Stream<Path> left = Files.list(p)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** A file's name as {@link CompactedFiles.Part#file()} has it: relative to {@code days/}, with '/'. */
    String relative(Path file) {
        return folders.days().relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    Path resolve(CompactedFiles.Part part) {
        return folders.days().resolve(part.file());
    }

    /**
     * Runs {@code job} on the stored rows ({@link #STORED}) of the batches up to {@code through},
     * with the files held until it returns. {@code utcDays}: only the compacted clicks of these
     * UTC dates (and every batch not compacted yet) are read, no malformed message; null: all.
     */
    <T> T read(SparkSession spark, long through, Set<LocalDate> utcDays, Function<Dataset<Row>, T> job) {
        files.readLock().lock();
        try {
            CompactedFiles compacted = compacted();
            List<String> parts = new ArrayList<>();
            for (CompactedFiles.Part p : compacted.parts()) {
                boolean wanted = utcDays == null || (p.utcDay() != null && utcDays.contains(p.utcDay()));
                if (wanted && p.from() <= through) {
                    parts.add(resolve(p).toString());
                }
            }
            Dataset<Row> rows = spark.createDataFrame(List.of(), STORED);
            if (!parts.isEmpty()) {
                rows = rows.unionByName(spark.read().schema(STORED).parquet(parts.toArray(String[]::new)));
            }
            if (Files.isDirectory(folders.messages()) && !batchFolders().isEmpty()) {
                // The folder names give batch_id; batches being written (above the marker) are pruned
                // by the filter before any of their files is opened.
                rows = rows.unionByName(spark.read().schema(STORED).parquet(folders.messages().toString())
                        .filter(col("batch_id").gt(compacted.through())));
            }
            return job.apply(rows.filter(col("batch_id").leq(through)));
        } finally {
            files.readLock().unlock();
        }
    }

    /** Runs {@code change} (which deletes stored files) while no reader holds them. */
    void exclusively(Runnable change) {
        files.writeLock().lock();
        try {
            change.run();
        } finally {
            files.writeLock().unlock();
        }
    }
}
