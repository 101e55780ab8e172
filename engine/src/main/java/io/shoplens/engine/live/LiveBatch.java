package io.shoplens.engine.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickRules;

/**
 * What the ad-click view does with one micro-batch ({@link ExactlyOnceBatch}): the Spark job
 * collects the batch's rows with each click's local date and minute ({@link
 * AdClickRules#withLocalTime}, so zones are the batch code's); the rest is plain Java: the rows
 * are stored and merged into the {@link LiveAdState}, whose tables equal {@link AdClickAnalysis#run}
 * over every click read so far on the open day.
 *
 * <p>No watermark: the only streaming operator is the stateless parse. A watermark bounds the
 * state of streaming aggregations by dropping data older than it, and a late click dropped that
 * way would make the live tables differ from a batch recount of the same clicks. The last hour is
 * therefore the batch rule's, ending at the latest click read.
 */
final class LiveBatch extends ExactlyOnceBatch<LiveBatch.Collected> {

    private static final long serialVersionUID = 1L;
    private static final int STORED_COLUMNS = LiveMessages.SCHEMA.size();
    private static final int REASON = LiveMessages.SCHEMA.fieldIndex(LiveMessages.REASON);
    private static final int MESSAGE = LiveMessages.SCHEMA.fieldIndex(LiveMessages.MESSAGE);
    private static final int PARTITION = LiveMessages.SCHEMA.fieldIndex(LiveMessages.PARTITION);
    private static final int OFFSET = LiveMessages.SCHEMA.fieldIndex(LiveMessages.OFFSET);

    private final transient Supplier<LiveAdState> state;
    private final transient Sink sink;

    /** Where a finished batch goes: the query wrapper saves the blacklist and tells the listener. */
    interface Sink {
        void batchDone(LiveUpdate update);
    }

    /** One batch's rows as stored, its clicks and malformed messages, and its latest click (null with none). */
    record Collected(List<Object[]> toStore, List<LiveAdState.Click> clicks, List<LiveAdState.Malformed> malformed,
                     Long latest) {
    }

    /** {@code state}: the state the query resumed with ({@link LiveStateRecovery#resume}), read under the lock. */
    LiveBatch(StoredBatches stored, Supplier<LiveAdState> state, ReentrantLock lock, Sink sink) {
        super(stored, lock);
        this.state = state;
        this.sink = sink;
    }

    @Override
    long mergedThrough() {
        return state.get().mergedThrough();
    }

    @Override
    void replayed(long batchId) {
        sink.batchDone(update(state.get(), batchId, null));
    }

    @Override
    Collected collect(Dataset<Row> batch) {
        List<Row> rows = AdClickRules.withLocalTime(batch, state.get().params().zone()).collectAsList();
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
        return new Collected(toStore, clicks, malformed, latest);
    }

    @Override
    List<Object[]> rowsToStore(Collected collected) {
        return collected.toStore();
    }

    @Override
    void count(long batchId, Collected collected) {
        LiveAdState counts = state.get();
        counts.merge(batchId, collected.clicks(), collected.malformed());
        sink.batchDone(update(counts, batchId,
                collected.latest() == null ? null : Instant.ofEpochMilli(collected.latest())));
    }

    private static LiveUpdate update(LiveAdState counts, long batchId, Instant batchLatestClick) {
        return new LiveUpdate(batchId, Instant.now(), counts.clicks(), counts.malformed(), counts.samples(),
                batchLatestClick, counts.tables(), counts.day().orElse(null), counts.pastDays());
    }
}
