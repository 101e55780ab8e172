package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.logs.LogKind;

/**
 * What the live view does with one micro-batch (Structured Streaming's foreachBatch): store the
 * batch's parsed rows under its batch id, then run the batch ads analysis over every stored click.
 *
 * <p>Exactly once: the batch's folder is overwritten, so a batch that Spark replays after a crash
 * or a broker outage (same id, same offsets) replaces its first attempt instead of adding to it;
 * the checkpoint commits the batch only after this returns. Equal to batch: the tables come from
 * {@link AdClickAnalysis#run} itself over the stored clicks, so every rule (blacklist from its
 * date on, top 3, the hour ending at the latest click) is the batch code's.
 *
 * <p>No watermark: the only streaming operator is the stateless parse; the "state" is the stored
 * click table. A watermark bounds the state of streaming aggregations by dropping data older than
 * it, and a late click dropped that way would make the live tables differ from a batch recount of
 * the same clicks. The last hour is therefore the batch rule's, ending at the latest click read.
 */
final class LiveBatch implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final int SAMPLES = 5;

    /** The stored rows with the batch id Spark reads back from the {@code batch_id=N} folder names. */
    private static final StructType STORED = LiveMessages.SCHEMA.add("batch_id", DataTypes.LongType);

    private final transient SparkSession spark;
    private final transient LiveFolders folders;
    private final transient AdParams params;
    private final transient Sink sink;
    private final transient ReentrantLock lock;

    /** Where a finished batch goes: the query wrapper saves the blacklist and tells the listener. */
    interface Sink {
        void batchDone(LiveUpdate update);
    }

    LiveBatch(SparkSession spark, LiveFolders folders, AdParams params, ReentrantLock lock, Sink sink) {
        this.spark = spark;
        this.lock = lock;
        this.folders = folders;
        this.params = params;
        this.sink = sink;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) throws InterruptedException {
        // Closing takes this lock first: a batch either runs whole or not at all before the stop.
        lock.lockInterruptibly();
        try {
            batch.write().mode(SaveMode.Overwrite).parquet(folders.batch(batchId).toString());
            sink.batchDone(update(batchId));
        } finally {
            lock.unlock();
        }
    }

    /** The tables and counters over everything stored up to and including batch {@code batchId}. */
    LiveUpdate update(long batchId) {
        Dataset<Row> all = spark.read().schema(STORED).parquet(folders.messages().toString())
                .filter(col("batch_id").leq(batchId))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row counters = all.agg(
                    count(when(col(LiveMessages.REASON).isNull(), lit(1))),
                    count(when(col(LiveMessages.REASON).isNotNull(), lit(1))),
                    max(when(col("batch_id").equalTo(batchId), col("timestamp")))).first();
            long clicks = counters.getLong(0);
            long malformed = counters.getLong(1);
            Instant latest = counters.isNullAt(2) ? null : Instant.ofEpochMilli(counters.getLong(2));
            List<String> samples = malformed == 0 ? List.of() : samples(all);

            Dataset<Row> stored = all.filter(col(LiveMessages.REASON).isNull())
                    .withColumn("source_file", concat(lit("kafka partition "), col(LiveMessages.PARTITION).cast("string")))
                    .withColumn("source_line", col(LiveMessages.OFFSET))
                    .select(Arrays.stream(LogKind.AD_CLICK.storedSchema().fieldNames()).map(functions::col)
                            .toArray(Column[]::new));
            LogTables tables = LogTables.empty(spark).withAdClicks(stored);
            // The ads analysis reads ad clicks only: no session actions to filter.
            AnalysisResult result = AdClickAnalysis.run(
                    new AnalysisInput(tables, tables.actions(), SessionFilter.NONE), params);
            return new LiveUpdate(batchId, Instant.now(), clicks, malformed, samples, latest, result.tables());
        } finally {
            all.unpersist();
        }
    }

    private static List<String> samples(Dataset<Row> all) {
        List<String> samples = new ArrayList<>();
        for (Row r : all.filter(col(LiveMessages.REASON).isNotNull())
                .orderBy(col("batch_id").desc(), col(LiveMessages.PARTITION), col(LiveMessages.OFFSET).desc())
                .select(LiveMessages.REASON, LiveMessages.MESSAGE, LiveMessages.PARTITION, LiveMessages.OFFSET)
                .limit(SAMPLES).collectAsList()) {
            samples.add("partition " + r.getInt(2) + " offset " + r.getLong(3) + ": " + r.getString(0)
                    + ": " + r.getString(1));
        }
        return samples;
    }
}
