package io.shoplens.engine.live;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * A running live GMV view: one Structured Streaming query over the actions topic and, when set,
 * the orders topic, supervised as the ad-click view's ({@link SupervisedStream}); and, every
 * {@link LiveOptions#compactEvery()}, a snapshot of its state on a background thread ({@link
 * GmvSnapshots}) in place of the batches stored so far.
 */
final class StreamingGmvQuery implements LiveGmvQuery {

    private static final System.Logger LOG = System.getLogger(StreamingGmvQuery.class.getName());

    private final SparkSession spark;
    private final LiveGmvSettings settings;
    private final LiveGmvParams params;
    private final Map<Long, Double> prices;
    private final ImportedDayBefore imported;
    private final LiveGmvListener listener;
    private final LiveOptions options;
    private final LiveFolders folders;
    private final StoredBatches stored;
    private final SupervisedStream stream;
    private final GmvSnapshots snapshots;
    /** Held while stored files are read back or replaced: a restart never reads a batch a snapshot is deleting. */
    private final ReentrantLock filesLock = new ReentrantLock();
    private final ScheduledExecutorService snapshotter;
    /** Replaced only under the batch lock, when a query starts. */
    private LiveGmvState state;

    StreamingGmvQuery(SparkSession spark, LiveFolders folders, LiveGmvSettings settings, char[] password,
                      LiveGmvParams params, Map<Long, Double> prices, ImportedDayBefore imported, LiveGmvListener listener,
                      LiveOptions options) {
        this.spark = spark;
        this.settings = settings;
        this.params = params;
        this.prices = Map.copyOf(prices);
        this.imported = imported;
        this.listener = listener;
        this.options = options;
        this.folders = folders;
        this.stored = new StoredBatches(folders, LiveGmvMessages.SCHEMA);
        this.snapshots = new GmvSnapshots(folders);
        this.snapshotter = Executors.newSingleThreadScheduledExecutor(
                r -> SupervisedStream.daemon(r, "shoplens-live-gmv-snapshot"));
        this.stream = new SupervisedStream("shoplens-live-gmv-" + folders.root().getFileName(), settings.connection(),
                password, options, listener::onStatus, this::startQuery);
    }

    void begin() {
        stream.begin();
        long every = options.compactEvery().toMillis();
        snapshotter.scheduleWithFixedDelay(this::keepState, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public LiveStatus status() {
        return stream.status();
    }

    @Override
    public String detail() {
        return stream.detail();
    }

    @Override
    public void close() {
        stream.close(this::putAway);
    }

    /** After the query stopped: a snapshot under way finishes (half of one would be cleaned up, but need not be). */
    private void putAway() {
        snapshotter.shutdown();
        try {
            snapshotter.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * On the snapshot thread: the state as of its last batch, copied under the batch lock (a
     * copy of references, quick), written without it so the stream goes on meanwhile.
     */
    private void keepState() {
        if (stream.closed() || !filesLock.tryLock()) {
            return;
        }
        try {
            GmvSnapshot snapshot;
            ReentrantLock batchLock = stream.batchLock();
            batchLock.lock();
            try {
                if (state == null || state.mergedThrough() <= snapshots.through()) {
                    return;
                }
                snapshot = state.snapshot();
            } finally {
                batchLock.unlock();
            }
            snapshots.write(snapshot);
        } catch (RuntimeException e) {
            // The batches stay and count all the same; the next run tries again.
            LOG.log(System.Logger.Level.WARNING, "Keeping the live GMV state of " + folders.root() + " failed", e);
        } finally {
            filesLock.unlock();
        }
    }

    private StreamingQuery startQuery() throws TimeoutException, InterruptedException {
        ReentrantLock batchLock = stream.batchLock();
        filesLock.lockInterruptibly();
        try {
            batchLock.lockInterruptibly();
        } catch (InterruptedException e) {
            filesLock.unlock();
            throw e;
        }
        try {
            // After a broker outage the state in memory is at the marker already; on a fresh start
            // or after a crash it is merged again from the stored batches.
            if (state == null || state.mergedThrough() != stored.mergedThrough()) {
                state = LiveGmvBatch.resume(stored, snapshots, params, prices);
            }
            LiveGmvState resumed = state;
            if (resumed.mergedThrough() >= 0) {
                // The UI's trouble must not keep the stream from starting.
                SupervisedStream.tell(() -> listener.onUpdate(LiveGmvUpdate.of(resumed, resumed.mergedThrough(), imported)),
                        "the resumed state");
            }
        } finally {
            batchLock.unlock();
            filesLock.unlock();
        }
        return stream.read(spark, settings.subscription())
                .writeStream()
                .queryName("shoplens-live-gmv-" + folders.root().getFileName())
                .option("checkpointLocation", folders.checkpoint().toString())
                .trigger(Trigger.ProcessingTime(options.trigger().toMillis()))
                .foreachBatch(new LiveGmvBatch(settings, stored, () -> state, prices, imported, batchLock, this::batchDone))
                .start();
    }

    private void batchDone(LiveGmvUpdate update) {
        stream.batchDone(() -> listener.onUpdate(update), "batch " + update.batchId());
    }
}
