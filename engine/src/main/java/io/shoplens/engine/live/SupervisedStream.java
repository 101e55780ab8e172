package io.shoplens.engine.live;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * What both live views run on: one Structured Streaming query at a time, started again from its
 * checkpoint when it dies by a supervisor thread ({@link LiveSupervision}: RECONNECTING while the
 * broker is away, OFFLINE after {@link LiveOptions#outageAfter()}, FAILED after repeated failures
 * with the broker up); a watchdog that asks the broker every 2 s, so a broker that went away is
 * shown before the query fails; the batch lock, so a stop lets the batch under way finish; the
 * view's copy of the password, wiped on close; and the Kafka source both views read with.
 */
final class SupervisedStream {

    private static final System.Logger LOG = System.getLogger(SupervisedStream.class.getName());
    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    /** Bounds a batch after a long outage, so the first batch back does not take minutes. */
    private static final String MAX_OFFSETS_PER_TRIGGER = "200000";

    private final KafkaSettings connection;
    private final char[] password;
    /** Held while a batch is processed, so close() lets the current batch finish. */
    private final ReentrantLock batchLock = new ReentrantLock();
    private final LiveSupervision supervision;
    private final Thread supervisor;
    private final ScheduledExecutorService watchdog;

    private volatile boolean closed;
    private volatile StreamingQuery query;

    /**
     * {@code password}: the view's own copy, wiped on close; {@code start} starts the view's
     * query, on the supervisor thread, each time it must run again.
     */
    SupervisedStream(String name, KafkaSettings connection, char[] password, LiveOptions options,
                     BiConsumer<LiveStatus, String> onStatus, LiveSupervision.Start start) {
        this.connection = connection;
        this.password = password;
        this.supervision = new LiveSupervision(connection, password, options, onStatus, () -> closed);
        this.supervisor = daemon(() -> supervision.supervise(start, q -> query = q), name);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-watchdog"));
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void begin() {
        supervision.report(LiveStatus.STARTING, "Connecting to " + KafkaClientProperties.describe(connection));
        supervisor.start();
        long every = PROBE_EVERY.toMillis();
        watchdog.scheduleWithFixedDelay(() -> supervision.probe(query), every, every, TimeUnit.MILLISECONDS);
    }

    LiveStatus status() {
        return supervision.status();
    }

    String detail() {
        return supervision.detail();
    }

    boolean closed() {
        return closed;
    }

    ReentrantLock batchLock() {
        return batchLock;
    }

    /** The messages of {@code topics} (comma-separated) as Spark's Kafka source gives them. */
    Dataset<Row> read(SparkSession spark, String topics) {
        return spark.readStream().format("kafka")
                .options(KafkaClientProperties.forSpark(connection, password))
                .option("subscribe", topics)
                .option("startingOffsets", connection.startingOffsets().name().toLowerCase(Locale.ROOT))
                // Spark names its consumer groups; the connection's group is their prefix.
                .option("groupIdPrefix", connection.consumerGroup())
                .option("maxOffsetsPerTrigger", MAX_OFFSETS_PER_TRIGGER)
                // A broker that went away fails the query within seconds instead of after Spark's
                // two-minute network timeout; the supervisor restarts it from the checkpoint.
                .option("kafkaConsumer.pollTimeoutMs", "20000")
                .option("kafka.request.timeout.ms", "10000")
                .option("kafka.default.api.timeout.ms", "20000")
                // Offsets the broker no longer has (retention, a recreated topic) are skipped with
                // a warning rather than stopping the live view for good.
                .option("failOnDataLoss", "false")
                .load();
    }

    /** After a batch was counted: the status says RUNNING, and the listener hears of it. */
    void batchDone(Runnable tellListener, String what) {
        supervision.batchDone();
        tell(tellListener, what);
    }

    /** Tells the listener; its trouble is logged, never thrown, so it neither replays a batch nor stops a start. */
    static void tell(Runnable tellListener, String what) {
        try {
            tellListener.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Live listener failed on " + what, e);
        }
    }

    /**
     * Stops the query once the batch under way is done, then runs {@code afterStop} (what the
     * view puts away), wipes the password and says STOPPED unless the view had FAILED. Once.
     */
    void close(Runnable afterStop) {
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
        afterStop.run();
        supervision.closeProbe();
        Arrays.fill(password, '\0');
        if (supervision.status() != LiveStatus.FAILED) {
            supervision.report(LiveStatus.STOPPED, "");
        }
    }
}
