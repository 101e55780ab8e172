package io.shoplens.engine.live;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a live view does with one micro-batch (Structured Streaming's foreachBatch), exactly once:
 * under the batch lock, so that closing lets a batch run whole or not at all; a batch at or below
 * the marker is Spark's replay after a crash and counts nothing; any other is collected (one
 * Spark job, bounded by maxOffsetsPerTrigger, so collecting it is safe), stored by batch id
 * ({@link StoredBatches}), the marker moved, and only then counted. A crash after the marker
 * moved is put right on restart from what was stored; the cost of a batch is its own size, not
 * the history's.
 *
 * @param <C> a batch as collected: its rows to store and what the view counts of them
 */
abstract class ExactlyOnceBatch<C> implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = System.getLogger(ExactlyOnceBatch.class.getName());

    private final transient StoredBatches stored;
    private final transient ReentrantLock lock;

    ExactlyOnceBatch(StoredBatches stored, ReentrantLock lock) {
        this.stored = stored;
        this.lock = lock;
    }

    @Override
    public final void call(Dataset<Row> batch, Long batchId) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (batchId <= mergedThrough()) {
                replayed(batchId);
                return;
            }
            long start = System.nanoTime();
            C collected = collect(batch);
            List<Object[]> rows = rowsToStore(collected);
            long read = System.nanoTime();
            stored.write(batchId, rows);
            stored.markMerged(batchId);
            long written = System.nanoTime();
            count(batchId, collected);
            LOG.log(System.Logger.Level.DEBUG, () -> String.format("%s %d: %d rows, Spark job %d ms, stored %d ms, "
                    + "counted %d ms", getClass().getSimpleName(), batchId, rows.size(), (read - start) / 1_000_000,
                    (written - read) / 1_000_000, (System.nanoTime() - written) / 1_000_000));
        } finally {
            lock.unlock();
        }
    }

    /** The last batch counted, read under the lock. */
    abstract long mergedThrough();

    /** A replay of a batch already stored and counted: tell the listener what it has. */
    abstract void replayed(long batchId);

    abstract C collect(Dataset<Row> batch);

    abstract List<Object[]> rowsToStore(C collected);

    /** Counts a stored batch and tells the listener. */
    abstract void count(long batchId, C collected);
}
