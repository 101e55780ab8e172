package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.ads.AdClickRules;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.files.AtomicFiles;
import io.shoplens.engine.files.ParquetRows;

/**
 * The live view's durable truth: each micro-batch's rows ({@link LiveMessages#SCHEMA}) in {@code
 * messages/batch_id=N}, written with parquet-hadoop (no Spark job) and read back by Spark, and the
 * marker {@code merged-through} saying which batches count.
 *
 * <p>Exactly once: a batch is stored, then the marker moves to it (an atomic rename), then it is
 * merged into the in-memory {@link LiveAdState}. A batch whose id is at or below the marker is a
 * replay (Spark re-runs the last uncommitted batch after a crash, with the same offsets) and is
 * not counted again; a folder above the marker is a partial attempt, deleted before the query
 * starts so that the replay stores it anew.
 */
final class StoredBatches {

    /** The stored rows with the batch id Spark reads back from the {@code batch_id=N} folder names. */
    private static final StructType STORED = LiveMessages.SCHEMA.add("batch_id", DataTypes.LongType);
    private static final String BATCH_PREFIX = "batch_id=";
    /** A batch is bounded by maxOffsetsPerTrigger: one row group holds it. */
    private static final long ROW_GROUP_BYTES = 64L << 20;

    private final LiveFolders folders;

    StoredBatches(LiveFolders folders) {
        this.folders = folders;
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
        if (!Files.isDirectory(folders.messages())) {
            return -1;
        }
        try (Stream<Path> batches = Files.list(folders.messages())) {
            return batches.filter(p -> batchId(p) >= 0 && Files.exists(p.resolve("_SUCCESS")))
                    .mapToLong(StoredBatches::batchId).max().orElse(-1);
        }
    }

    /** The id in a {@code batch_id=N} folder's name; -1 for anything else. */
    private static long batchId(Path folder) {
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

    /** Stores batch {@code batchId}'s rows ({@link LiveMessages#SCHEMA} order), replacing a partial earlier attempt. */
    void write(long batchId, List<Object[]> rows) {
        Path folder = folders.batch(batchId);
        try {
            LiveFolders.deleteTree(folder);
            if (rows.isEmpty()) {
                return;
            }
            Files.createDirectories(folder);
            try (ParquetWriter<Object[]> out = ParquetRows.writer(folder.resolve("part-0.parquet"), LiveMessages.SCHEMA,
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

    /**
     * The state to go on with when a query (re)starts: deletes partial batches above the marker,
     * then keeps {@code current} if it is exactly the marker's, or else rebuilds the state from
     * the stored batches (a few Spark jobs, once per start).
     */
    LiveAdState resume(SparkSession spark, AdParams params, LiveAdState current) {
        long marker = mergedThrough();
        discardAbove(marker);
        if (current != null && current.mergedThrough() == marker && current.params().equals(params)) {
            return current;
        }
        return restore(spark, params, marker);
    }

    private void discardAbove(long marker) {
        Path messages = folders.messages();
        if (!Files.isDirectory(messages)) {
            return;
        }
        try (Stream<Path> batches = Files.list(messages)) {
            for (Path p : batches.toList()) {
                if (batchId(p) > marker) {
                    LiveFolders.deleteTree(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + messages + ": " + e.getMessage(), e);
        }
    }

    /** The counts of every stored batch up to {@code marker}, aggregated by Spark. */
    LiveAdState restore(SparkSession spark, AdParams params, long marker) {
        LiveAdState state = new LiveAdState(params);
        if (!hasBatches()) {
            state.restoreCounters(marker, 0, 0, List.of(), null);
            return state;
        }
        Dataset<Row> all = AdClickRules.withLocalTime(spark.read().schema(STORED)
                        .parquet(folders.messages().toString()).filter(col("batch_id").leq(marker)), params.zone())
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row counters = all.agg(
                    count(when(col(LiveMessages.REASON).isNull(), lit(1))),
                    count(when(col(LiveMessages.REASON).isNotNull(), lit(1))),
                    max("timestamp")).first();
            long malformed = counters.getLong(1);
            Long latest = counters.isNullAt(2) ? null : counters.getLong(2);
            state.restoreCounters(marker, counters.getLong(0), malformed, malformed == 0 ? List.of() : samples(all),
                    latest);
            Dataset<Row> clicks = all.filter(col(LiveMessages.REASON).isNull());
            for (Row r : clicks.groupBy("user_id", "date", "province", "city", "ad_id").count().collectAsList()) {
                state.restoreClicks(id(r, 0), date(r, 1), r.getString(2), r.getString(3), id(r, 4), r.getLong(5));
            }
            if (latest != null) {
                Dataset<Row> minutes = clicks
                        .withColumn("minute_start", col("timestamp").minus(pmod(col("timestamp"),
                                lit(AdClickRules.MINUTE_MILLIS))))
                        .filter(col("minute_start").gt(latest - AdClickRules.HOUR_MILLIS))
                        .groupBy("minute_start", "minute", "ad_id", "user_id", "date").count();
                for (Row r : minutes.collectAsList()) {
                    state.restoreMinute(r.getLong(0), r.getString(1), id(r, 2), id(r, 3), date(r, 4), r.getLong(5));
                }
            }
            return state;
        } finally {
            all.unpersist();
        }
    }

    /** The latest malformed messages as {@link LiveAdState#samples()} orders them. */
    private static List<String> samples(Dataset<Row> all) {
        List<String> samples = new ArrayList<>();
        for (Row r : all.filter(col(LiveMessages.REASON).isNotNull())
                .orderBy(col("batch_id").desc(), col(LiveMessages.PARTITION), col(LiveMessages.OFFSET).desc())
                .select(LiveMessages.PARTITION, LiveMessages.OFFSET, LiveMessages.REASON, LiveMessages.MESSAGE)
                .limit(LiveAdState.SAMPLES).collectAsList()) {
            samples.add(new LiveAdState.Malformed(r.getInt(0), r.getLong(1), r.getString(2), r.getString(3)).sample());
        }
        return samples;
    }

    private boolean hasBatches() {
        if (!Files.isDirectory(folders.messages())) {
            return false;
        }
        try (Stream<Path> batches = Files.list(folders.messages())) {
            return batches.anyMatch(p -> batchId(p) >= 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + folders.messages() + ": " + e.getMessage(), e);
        }
    }

    private static Long id(Row r, int i) {
        return r.isNullAt(i) ? null : r.getLong(i);
    }

    private static LocalDate date(Row r, int i) {
        return (LocalDate) ResultTable.plain(r.get(i));
    }
}
