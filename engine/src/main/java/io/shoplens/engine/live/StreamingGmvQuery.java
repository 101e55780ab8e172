package io.shoplens.engine.live;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
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
 * the orders topic, restarted from its checkpoint when it dies. A failed query with the broker
 * away is RECONNECTING, and OFFLINE once that has lasted longer than {@link
 * LiveOptions#outageAfter()}; the tables stay and the retries go on. A watchdog asks the broker
 * every 2 s, so a broker that went away is shown before the query fails. With the broker
 * answering, a query that fails three times in a row is FAILED ({@link LiveSupervision}, as the
 * ad-click view).
 */
final class StreamingGmvQuery implements LiveGmvQuery {

    private static final System.Logger LOG = System.getLogger(StreamingGmvQuery.class.getName());
    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    /** Bounds a batch after a long outage, so the first batch back does not take minutes. */
    private static final String MAX_OFFSETS_PER_TRIGGER = "200000";

    private final SparkSession spark;
    private final LiveGmvSettings settings;
    private final char[] password;
    private final LiveGmvParams params;
    private final Map<Long, Double> prices;
    private final LiveGmvListener listener;
    private final LiveOptions options;
    private final LiveFolders folders;
    private final StoredBatches stored;
    /** Held while a batch is processed, so close() lets the current batch finish. */
    private final ReentrantLock batchLock = new ReentrantLock();
    private final Thread supervisor;
    private final ScheduledExecutorService watchdog;

    private volatile boolean closed;
    private volatile StreamingQuery query;
    private final LiveSupervision supervision;
    /** Replaced only under the batch lock, when a query starts. */
    private LiveGmvState state;

    StreamingGmvQuery(SparkSession spark, LiveFolders folders, LiveGmvSettings settings, char[] password,
                      LiveGmvParams params, Map<Long, Double> prices, LiveGmvListener listener, LiveOptions options) {
        this.spark = spark;
        this.settings = settings;
        this.password = password;
        this.params = params;
        this.prices = Map.copyOf(prices);
        this.listener = listener;
        this.options = options;
        this.folders = folders;
        this.stored = new StoredBatches(folders, LiveGmvMessages.SCHEMA);
        this.supervision = new LiveSupervision(settings.connection(), password, options, listener::onStatus,
                () -> closed);
        this.supervisor = new Thread(() -> supervision.supervise(this::startQuery, q -> query = q),
                "shoplens-live-gmv-" + folders.root().getFileName());
        this.supervisor.setDaemon(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shoplens-live-gmv-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    void begin() {
        supervision.report(LiveStatus.STARTING, "Connecting to " + KafkaClientProperties.describe(settings.connection()));
        supervisor.start();
        long every = PROBE_EVERY.toMillis();
        watchdog.scheduleWithFixedDelay(() -> supervision.probe(query), every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public LiveStatus status() {
        return supervision.status();
    }

    @Override
    public String detail() {
        return supervision.detail();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.shutdownNow();
        try {
            LiveSupervision.stop(() -> query, batchLock, supervisor);
            watchdog.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        supervision.closeProbe();
        Arrays.fill(password, '\0');
        if (supervision.status() != LiveStatus.FAILED) {
            supervision.report(LiveStatus.STOPPED, "");
        }
    }

    private StreamingQuery startQuery() throws TimeoutException, InterruptedException {
        batchLock.lockInterruptibly();
        try {
            // After a broker outage the state in memory is at the marker already; on a fresh start
            // or after a crash it is merged again from the stored batches.
            if (state == null || state.mergedThrough() != stored.mergedThrough()) {
                state = LiveGmvBatch.resume(stored, params, prices);
            }
            LiveGmvState resumed = state;
            if (resumed.mergedThrough() >= 0) {
                try {
                    listener.onUpdate(LiveGmvUpdate.of(resumed, resumed.mergedThrough()));
                } catch (RuntimeException e) {
                    // The UI's trouble must not keep the stream from starting.
                    LOG.log(System.Logger.Level.WARNING, "Live GMV listener failed on the resumed state", e);
                }
            }
        } finally {
            batchLock.unlock();
        }
        KafkaSettings connection = settings.connection();
        return spark.readStream().format("kafka")
                .options(KafkaClientProperties.forSpark(connection, password))
                .option("subscribe", settings.subscription())
                .option("startingOffsets", connection.startingOffsets().name().toLowerCase(Locale.ROOT))
                .option("groupIdPrefix", connection.consumerGroup())
                .option("maxOffsetsPerTrigger", MAX_OFFSETS_PER_TRIGGER)
                // As the ad-click view: a broker that went away fails the query within seconds, and
                // offsets the broker no longer has are skipped rather than stopping the view for good.
                .option("kafkaConsumer.pollTimeoutMs", "20000")
                .option("kafka.request.timeout.ms", "10000")
                .option("kafka.default.api.timeout.ms", "20000")
                .option("failOnDataLoss", "false")
                .load()
                .writeStream()
                .queryName("shoplens-live-gmv-" + folders.root().getFileName())
                .option("checkpointLocation", folders.checkpoint().toString())
                .trigger(Trigger.ProcessingTime(options.trigger().toMillis()))
                .foreachBatch(new LiveGmvBatch(settings, stored, () -> state, prices, batchLock, this::batchDone))
                .start();
    }

    private void batchDone(LiveGmvUpdate update) {
        supervision.batchDone();
        try {
            listener.onUpdate(update);
        } catch (RuntimeException e) {
            // The UI's trouble must not replay the batch: the stream goes on.
            LOG.log(System.Logger.Level.WARNING, "Live GMV listener failed on batch " + update.batchId(), e);
        }
    }
}
