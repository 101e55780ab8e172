package io.shoplens.engine.live;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.workspace.Workspace;

/**
 * A running live view: one Structured Streaming query at a time, restarted from its checkpoint
 * when it dies (a broker that went away makes the Kafka source fail), and a watchdog that asks
 * the broker every few seconds so the status says RECONNECTING while it cannot be reached.
 */
final class StreamingLiveQuery implements LiveQuery {

    private static final System.Logger LOG = System.getLogger(StreamingLiveQuery.class.getName());
    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    /** Failures in a row, with the broker reachable, after which the query is taken for broken. */
    private static final int MAX_FAILURES_WITH_BROKER_UP = 3;
    /** Bounds a batch after a long outage, so the first batch back does not take minutes. */
    private static final String MAX_OFFSETS_PER_TRIGGER = "200000";

    private final SparkSession spark;
    private final Workspace workspace;
    private final KafkaSettings settings;
    private final char[] password;
    private final AdParams params;
    private final LiveListener listener;
    private final Duration trigger;
    private final LiveFolders folders;
    private final StoredBatches stored;
    /** Held while a batch is processed, so close() lets the current batch finish. */
    private final ReentrantLock batchLock = new ReentrantLock();
    private final Thread supervisor;
    private final ScheduledExecutorService watchdog;

    private volatile boolean closed;
    private volatile StreamingQuery query;
    private volatile LiveStatus status = LiveStatus.STARTING;
    private volatile String detail = "";
    private volatile int failuresInARow;
    /** Unanswered probes in a row: one slow answer on a busy machine is not an outage yet. */
    private int probeFailures;
    private Admin probe;
    /** What the live view counted so far; replaced only under the batch lock, when a query starts. */
    private LiveAdState state;
    /** The blacklist as last saved in the catalog (batch thread only). */
    private ResultTable savedBlacklist;

    StreamingLiveQuery(SparkSession spark, Workspace workspace, KafkaSettings settings, char[] password,
                       AdParams params, LiveListener listener, Duration trigger) {
        this.spark = spark;
        this.workspace = workspace;
        this.settings = settings;
        this.password = password;
        this.params = params;
        this.listener = listener;
        this.trigger = trigger;
        this.folders = LiveFolders.of(workspace, settings.name());
        this.stored = new StoredBatches(folders);
        this.supervisor = new Thread(this::supervise, "shoplens-live-" + LiveFolders.slug(settings.name()));
        this.supervisor.setDaemon(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shoplens-live-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    void begin() {
        report(LiveStatus.STARTING, "Connecting to " + KafkaClientProperties.describe(settings));
        supervisor.start();
        watchdog.scheduleWithFixedDelay(this::probeBroker, PROBE_EVERY.toMillis(), PROBE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public LiveStatus status() {
        return status;
    }

    @Override
    public String detail() {
        return detail;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        watchdog.shutdownNow();
        batchLock.lock();
        try {
            StreamingQuery q = query;
            if (q != null) {
                q.stop();
            }
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "Live query did not stop in time", e);
        } finally {
            batchLock.unlock();
        }
        try {
            // Stopping the query ends the supervisor's wait; interrupt only one that sleeps or hangs.
            supervisor.join(5_000);
            if (supervisor.isAlive()) {
                supervisor.interrupt();
                supervisor.join(30_000);
            }
            watchdog.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (probe != null) {
                probe.close(Duration.ZERO);
                probe = null;
            }
        }
        Arrays.fill(password, '\0');
        if (status != LiveStatus.FAILED) {
            report(LiveStatus.STOPPED, "");
        }
    }

    private void supervise() {
        long backoff = 1000;
        while (!closed) {
            try {
                StreamingQuery q = startQuery();
                query = q;
                if (closed) {
                    q.stop();
                    return;
                }
                q.awaitTermination();
                if (!closed) {
                    report(LiveStatus.STOPPED, "The live query was stopped.");
                }
                return;
            } catch (Exception e) {
                // Also what Scala throws undeclared: an InterruptedException while closing.
                if (closed) {
                    return;
                }
                ConnectionCheck broker = KafkaConnectionTester.test(settings, password, PROBE_TIMEOUT);
                if (broker.ok() && ++failuresInARow >= MAX_FAILURES_WITH_BROKER_UP) {
                    report(LiveStatus.FAILED, "The live query failed: " + rootMessage(e));
                    return;
                }
                report(LiveStatus.RECONNECTING, broker.ok() ? "Restarting after: " + rootMessage(e) : broker.message());
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    private StreamingQuery startQuery() throws TimeoutException, InterruptedException {
        LiveAdState resumed;
        batchLock.lockInterruptibly();
        try {
            // After a broker outage the state in memory is usually the marker's; after a crash
            // between storing a batch and merging it, or on a fresh start, it comes from disk.
            state = stored.resume(spark, params, state);
            resumed = state;
        } finally {
            batchLock.unlock();
        }
        Dataset<Row> records = spark.readStream().format("kafka")
                .options(KafkaClientProperties.forSpark(settings, password))
                .option("subscribe", settings.topic())
                .option("startingOffsets", settings.startingOffsets().name().toLowerCase(Locale.ROOT))
                // Spark names its consumer groups; the connection's group is their prefix.
                .option("groupIdPrefix", settings.consumerGroup())
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
        return LiveMessages.parse(records, settings.format()).writeStream()
                .queryName("shoplens-live-" + LiveFolders.slug(settings.name()))
                .option("checkpointLocation", folders.checkpoint().toString())
                .trigger(Trigger.ProcessingTime(trigger.toMillis()))
                .foreachBatch(new LiveBatch(stored, resumed, batchLock, this::batchDone))
                .start();
    }

    private void batchDone(LiveUpdate update) {
        failuresInARow = 0;
        ResultTable blacklist = update.table("blacklist");
        // Most batches blacklist nobody new: the catalog is written only when the list changed.
        if (!blacklist.equals(savedBlacklist)) {
            LiveBlacklists.of(workspace).save(settings.name(), blacklist);
            savedBlacklist = blacklist;
        }
        report(LiveStatus.RUNNING, "");
        try {
            listener.onUpdate(update);
        } catch (RuntimeException e) {
            // The UI's trouble must not replay the batch: the stream goes on.
            LOG.log(System.Logger.Level.WARNING, "Live listener failed on batch " + update.batchId(), e);
        }
    }

    private void probeBroker() {
        if (closed || status == LiveStatus.FAILED || status == LiveStatus.STOPPED) {
            return;
        }
        ConnectionCheck check;
        try {
            Admin admin = admin();
            admin.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            admin.describeTopics(List.of(settings.topic())).allTopicNames()
                    .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            check = new ConnectionCheck(ConnectionCheck.Outcome.OK, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (TimeoutException e) {
            check = KafkaConnectionTester.failure(settings,
                    new org.apache.kafka.common.errors.TimeoutException(e.getMessage()), PROBE_TIMEOUT.toMillis());
        } catch (ExecutionException e) {
            check = KafkaConnectionTester.failure(settings, e.getCause(), PROBE_TIMEOUT.toMillis());
        } catch (RuntimeException e) {
            check = new ConnectionCheck(ConnectionCheck.Outcome.OTHER_ERROR, rootMessage(e));
        }
        if (closed) {
            return;
        }
        StreamingQuery q = query;
        probeFailures = check.ok() ? 0 : probeFailures + 1;
        if (probeFailures >= 2) {
            report(LiveStatus.RECONNECTING, check.message());
        } else if (check.ok() && q != null && q.isActive() && status != LiveStatus.RUNNING) {
            report(LiveStatus.RUNNING, "");
        }
    }

    private synchronized Admin admin() {
        if (probe == null) {
            Map<String, Object> props = new HashMap<>(KafkaClientProperties.of(settings, password));
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "shoplens-live-watchdog");
            probe = Admin.create(props);
        }
        return probe;
    }

    private synchronized void report(LiveStatus newStatus, String newDetail) {
        if (newStatus == status && newDetail.equals(detail)) {
            return;
        }
        if (closed && newStatus != LiveStatus.STOPPED && newStatus != LiveStatus.FAILED) {
            return;
        }
        status = newStatus;
        detail = newDetail;
        try {
            listener.onStatus(newStatus, newDetail);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Live listener failed on status " + newStatus, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
