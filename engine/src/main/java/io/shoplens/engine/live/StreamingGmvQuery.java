package io.shoplens.engine.live;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

/**
 * A running live GMV view: one Structured Streaming query over the actions topic and, when set,
 * the orders topic, supervised as the ad-click view's ({@link SupervisedStream}).
 */
final class StreamingGmvQuery implements LiveGmvQuery {

    private final SparkSession spark;
    private final LiveGmvSettings settings;
    private final LiveGmvParams params;
    private final Map<Long, Double> prices;
    private final LiveGmvListener listener;
    private final LiveOptions options;
    private final LiveFolders folders;
    private final StoredBatches stored;
    private final SupervisedStream stream;
    /** Replaced only under the batch lock, when a query starts. */
    private LiveGmvState state;

    StreamingGmvQuery(SparkSession spark, LiveFolders folders, LiveGmvSettings settings, char[] password,
                      LiveGmvParams params, Map<Long, Double> prices, LiveGmvListener listener, LiveOptions options) {
        this.spark = spark;
        this.settings = settings;
        this.params = params;
        this.prices = Map.copyOf(prices);
        this.listener = listener;
        this.options = options;
        this.folders = folders;
        this.stored = new StoredBatches(folders, LiveGmvMessages.SCHEMA);
        this.stream = new SupervisedStream("shoplens-live-gmv-" + folders.root().getFileName(), settings.connection(),
                password, options, listener::onStatus, this::startQuery);
    }

    void begin() {
        stream.begin();
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
        stream.close(() -> { });
    }

    private StreamingQuery startQuery() throws TimeoutException, InterruptedException {
        ReentrantLock batchLock = stream.batchLock();
        batchLock.lockInterruptibly();
        try {
            // After a broker outage the state in memory is at the marker already; on a fresh start
            // or after a crash it is merged again from the stored batches.
            if (state == null || state.mergedThrough() != stored.mergedThrough()) {
                state = LiveGmvBatch.resume(stored, params, prices);
            }
            LiveGmvState resumed = state;
            if (resumed.mergedThrough() >= 0) {
                // The UI's trouble must not keep the stream from starting.
                SupervisedStream.tell(() -> listener.onUpdate(LiveGmvUpdate.of(resumed, resumed.mergedThrough())),
                        "the resumed state");
            }
        } finally {
            batchLock.unlock();
        }
        return stream.read(spark, settings.subscription())
                .writeStream()
                .queryName("shoplens-live-gmv-" + folders.root().getFileName())
                .option("checkpointLocation", folders.checkpoint().toString())
                .trigger(Trigger.ProcessingTime(options.trigger().toMillis()))
                .foreachBatch(new LiveGmvBatch(settings, stored, () -> state, prices, batchLock, this::batchDone))
                .start();
    }

    private void batchDone(LiveGmvUpdate update) {
        stream.batchDone(() -> listener.onUpdate(update), "batch " + update.batchId());
    }
}
