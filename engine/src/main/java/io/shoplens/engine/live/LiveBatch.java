package io.shoplens.engine.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickRules;

/**
 * What the live view does with one micro-batch (Structured Streaming's foreachBatch): one Spark
 * job collects the batch's rows with each click's local date and minute ({@link
 * AdClickRules#withLocalTime}, so zones are the batch code's); the rest is plain Java: the rows
 * are stored ({@link StoredBatches}, exactly once by batch id) and merged into the {@link
 * LiveAdState}, whose tables equal {@link AdClickAnalysis#run} over every click read so far on the
 * open day. A micro-batch is bounded by maxOffsetsPerTrigger, so collecting it is safe; the cost
 * of a batch is its own size, not the history's.
 *
 * <p>No watermark: the only streaming operator is the stateless parse. A watermark bounds the
 * state of streaming aggregations by dropping data older than it, and a late click dropped that
 * way would make the live tables differ from a batch recount of the same clicks. The last hour is
 * therefore the batch rule's, ending at the latest click read.
 */
final class LiveBatch implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(LiveBatch.class.getName());
    private static final int STORED_COLUMNS = LiveMessages.SCHEMA.size();
    private static final int REASON = LiveMessages.SCHEMA.fieldIndex(LiveMessages.REASON);
    private static final int MESSAGE = LiveMessages.SCHEMA.fieldIndex(LiveMessages.MESSAGE);
    private static final int PARTITION = LiveMessages.SCHEMA.fieldIndex(LiveMessages.PARTITION);
    private static final int OFFSET = LiveMessages.SCHEMA.fieldIndex(LiveMessages.OFFSET);

    private final transient StoredBatches stored;
    private final transient Supplier<LiveAdState> state;
    private final transient Sink sink;
    private final transient ReentrantLock lock;

    /** Where a finished batch goes: the query wrapper saves the blacklist and tells the listener. */
    interface Sink {
        void batchDone(LiveUpdate update);
    }

    /** {@code state}: the state the query resumed with ({@link LiveStateRecovery#resume}), read under the lock. */
    LiveBatch(StoredBatches stored, Supplier<LiveAdState> state, ReentrantLock lock, Sink sink) {
        this.stored = stored;
        this.state = state;
        this.lock = lock;
        this.sink = sink;
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) throws InterruptedException {
        // Closing takes this lock first: a batch either runs whole or not at all before the stop.
        lock.lockInterruptibly();
        try {
            LiveAdState counts = state.get();
            if (batchId <= counts.mergedThrough()) {
                // A replay of a batch already stored and counted: tell the listener what it has.
                sink.batchDone(update(counts, batchId, null));
                return;
            }
            long start = System.nanoTime();
            List<Row> rows = AdClickRules.withLocalTime(batch, counts.params().zone()).collectAsList();
            long collected = System.nanoTime();
            List<Object[]> toStore = new ArrayList<>(rows.size());
            List<LiveAdState.Click> clicks = new ArrayList<>(rows.size());
            List<LiveAdState.Malformed> malformed = new ArrayList<>();
            Long latest = null;
            for (Row r : rows) {
                Object[] values = new Object[STORED_COLUMNS];
                for (int i = 0; i < STORED_COLUMNS; i++) {
                    values[i] = r.get(i);
                }
                toStore.add(values);
                if (values[REASON] == null) {
                    LiveAdState.Click c = LiveAdState.Click.of(r);
                    clicks.add(c);
                    latest = latest == null ? c.timestamp() : Math.max(latest, c.timestamp());
                } else {
                    malformed.add(new LiveAdState.Malformed(r.getInt(PARTITION), r.getLong(OFFSET),
                            r.getString(REASON), r.getString(MESSAGE)));
                }
            }
            stored.write(batchId, toStore);
            stored.markMerged(batchId);
            long written = System.nanoTime();
            counts.merge(batchId, clicks, malformed);
            LiveUpdate update = update(counts, batchId, latest == null ? null : Instant.ofEpochMilli(latest));
            LOG.log(System.Logger.Level.DEBUG, () -> String.format("Live batch %d: %d rows, Spark job %d ms, "
                    + "stored %d ms, counted %d ms", batchId, rows.size(), (collected - start) / 1_000_000,
                    (written - collected) / 1_000_000, (System.nanoTime() - written) / 1_000_000));
            sink.batchDone(update);
        } finally {
            lock.unlock();
        }
    }

    private static LiveUpdate update(LiveAdState counts, long batchId, Instant batchLatestClick) {
        return new LiveUpdate(batchId, Instant.now(), counts.clicks(), counts.malformed(), counts.samples(),
                batchLatestClick, counts.tables(), counts.day().orElse(null), counts.pastDays());
    }
}
