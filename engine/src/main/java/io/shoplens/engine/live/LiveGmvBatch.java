package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the live GMV view does with one micro-batch ({@link ExactlyOnceBatch}): the batch's
 * messages are parsed by the importer's parsers, stored, and merged into the {@link
 * LiveGmvState}. The actions and orders topics are one query, so one checkpoint commits both
 * topics' offsets with the batch.
 */
final class LiveGmvBatch extends ExactlyOnceBatch<List<Object[]>> {

    private static final long serialVersionUID = 1L;

    private final transient LiveGmvSettings settings;
    private final transient Supplier<LiveGmvState> state;
    private final transient Map<Long, Double> prices;
    private final transient ImportedDayBefore imported;
    private final transient Consumer<LiveGmvUpdate> done;

    LiveGmvBatch(LiveGmvSettings settings, StoredBatches stored, Supplier<LiveGmvState> state,
                 Map<Long, Double> prices, ImportedDayBefore imported, ReentrantLock lock, Consumer<LiveGmvUpdate> done) {
        super(stored, lock);
        this.settings = settings;
        this.state = state;
        this.prices = prices;
        this.imported = imported;
        this.done = done;
    }

    @Override
    long mergedThrough() {
        return state.get().mergedThrough();
    }

    @Override
    void replayed(long batchId) {
        done.accept(LiveGmvUpdate.of(state.get(), batchId, imported));
    }

    @Override
    List<Object[]> collect(Dataset<Row> batch) {
        List<Row> messages = batch.select(col("topic"), col("partition"), col("offset"),
                col("value").cast("string")).collectAsList();
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (Row m : messages) {
            rows.addAll(LiveGmvMessages.rows(settings, m.getString(0), m.getInt(1), m.getLong(2),
                    m.isNullAt(3) ? null : m.getString(3)));
        }
        return rows;
    }

    @Override
    List<Object[]> rowsToStore(List<Object[]> rows) {
        return rows;
    }

    @Override
    void count(long batchId, List<Object[]> rows) {
        LiveGmvState counts = state.get();
        LiveGmvMessages.Inputs inputs = LiveGmvMessages.inputs(rows, prices);
        counts.merge(batchId, inputs.actions(), inputs.orders(), inputs.malformed());
        done.accept(LiveGmvUpdate.of(counts, batchId, imported));
    }

    /**
     * The state of everything stored up to the marker: the snapshot in effect, if any, then each
     * stored batch after it merged in order; the same state the batches made when they ran.
     * Stored files are put right first ({@link StoredBatches#recover}, {@link GmvSnapshots#recover}).
     */
    static LiveGmvState resume(StoredBatches stored, GmvSnapshots snapshots, LiveGmvParams params,
                               Map<Long, Double> prices) {
        stored.recover();
        snapshots.recover();
        long marker = stored.mergedThrough();
        LiveGmvState state = snapshots.read().map(s -> LiveGmvState.restore(params, s))
                .orElseGet(() -> new LiveGmvState(params));
        for (var folder : stored.batchFolders()) {
            long id = StoredBatches.batchId(folder);
            if (id > state.mergedThrough() && id <= marker) {
                LiveGmvMessages.Inputs inputs = LiveGmvMessages.inputs(stored.rows(id), prices);
                state.merge(id, inputs.actions(), inputs.orders(), inputs.malformed());
            }
        }
        if (marker > state.mergedThrough()) {
            // The last batches read nothing (no folder): they count all the same, as Spark will not replay them.
            state.merge(marker, List.of(), List.of(), List.of());
        }
        return state;
    }
}
