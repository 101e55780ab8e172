package io.shoplens.engine.live;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

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
 * when it dies (a broker that went away makes the Kafka source fail); a watchdog that asks the
 * broker every few seconds so the status says RECONNECTING while it cannot be reached, and
 * OFFLINE once that has lasted longer than {@link LiveOptions#outageAfter()} (the tables stay, the
 * retries go on); and a background compaction of the stored batches ({@link Compaction}).
 */
final class StreamingLiveQuery implements LiveQuery {

    private static final System.Logger LOG = System.getLogger(StreamingLiveQuery.class.getName());
    private static final Duration PROBE_EVERY = Duration.ofSeconds(2);
    /** Bounds a batch after a long outage, so the first batch back does not take minutes. */
    private static final String MAX_OFFSETS_PER_TRIGGER = "200000";
    /** The blacklist in the catalog is for the next start: it need not be rewritten every batch. */
    private static final Duration SAVE_BLACKLIST_EVERY = Duration.ofMinutes(1);

    private final SparkSession spark;
    private final Workspace workspace;
    private final KafkaSettings settings;
    private final char[] password;
    private final AdParams params;
    private final LiveListener listener;
    private final LiveOptions options;
    private final LiveFolders folders;
    private final StoredBatches stored;
    private final Compaction compaction;
    /** Held while a batch is processed, so close() lets the current batch finish. */
    private final ReentrantLock batchLock = new ReentrantLock();
    /** Held while the stored files are put right or compacted: never both at once. */
    private final ReentrantLock filesLock = new ReentrantLock();
    private final Thread supervisor;
    private final ScheduledExecutorService watchdog;
    private final ScheduledExecutorService compactor;

    private volatile boolean closed;
    private volatile StreamingQuery query;
    private final LiveSupervision supervision;
    /** What the live view counted so far; replaced only under the batch lock, when a query starts. */
    private LiveAdState state;
    /** The last batch counted and its latest click, for the compaction (which must not take the batch lock long). */
    private volatile long countedThrough = -1;
    private volatile Long latestClick;
    /** The blacklist as last saved in the catalog, when, and the latest one (guarded by this). */
    private ResultTable savedBlacklist;
    private Instant savedAt = Instant.MIN;
    private ResultTable latestBlacklist;

    StreamingLiveQuery(SparkSession spark, Workspace workspace, KafkaSettings settings, char[] password,
                       AdParams params, LiveListener listener, LiveOptions options) {
        this.spark = spark;
        this.workspace = workspace;
        this.settings = settings;
        this.password = password;
        this.params = params;
        this.listener = listener;
        this.options = options;
        this.folders = LiveFolders.of(workspace, settings.name());
        this.stored = new StoredBatches(folders);
        this.compaction = new Compaction(stored);
        this.supervision = new LiveSupervision(settings, password, options, listener::onStatus, () -> closed);
        String slug = LiveFolders.slug(settings.name());
        this.supervisor = new Thread(this::supervise, "shoplens-live-" + slug);
        this.supervisor.setDaemon(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "shoplens-live-watchdog"));
        this.compactor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "shoplens-live-compaction"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    void begin() {
        supervision.report(LiveStatus.STARTING, "Connecting to " + KafkaClientProperties.describe(settings));
        supervisor.start();
        watchdog.scheduleWithFixedDelay(() -> supervision.probe(query), PROBE_EVERY.toMillis(), PROBE_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        long every = options.compactEvery().toMillis();
        compactor.scheduleWithFixedDelay(this::compact, every, every, TimeUnit.MILLISECONDS);
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
    public LiveDay history(LocalDate day) {
        Map<Long, LocalDate> since;
        long through;
        batchLock.lock();
        try {
            if (state == null) {
                throw new IllegalStateException("The live view of " + settings.name() + " has not started yet");
            }
            since = state.since();
            through = state.mergedThrough();
        } finally {
            batchLock.unlock();
        }
        return LiveHistory.tables(spark, stored, params, since, through, day);
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
            // A compaction under way finishes (it is not interruptible half-way without leftovers).
            compactor.shutdown();
            compactor.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            supervision.closeProbe();
            if (latestBlacklist != null && !latestBlacklist.equals(savedBlacklist)) {
                saveBlacklist(latestBlacklist);
            }
        }
        batchLock.lock();
        try {
            if (state != null) {
                state.close();
                state = null;
            }
        } finally {
            batchLock.unlock();
        }
        Arrays.fill(password, '\0');
        if (supervision.status() != LiveStatus.FAILED) {
            supervision.report(LiveStatus.STOPPED, "");
        }
    }

    private void supervise() {
        supervision.supervise(this::startQuery, q -> query = q);
    }

    private StreamingQuery startQuery() throws TimeoutException, InterruptedException {
        batchLock.lockInterruptibly();
        filesLock.lockInterruptibly();
        try {
            // After a broker outage the state in memory is usually the marker's; after a crash
            // between storing a batch and merging it, or on a fresh start, it comes from disk.
            state = LiveStateRecovery.resume(spark, stored, params, state);
            published(state);
        } finally {
            filesLock.unlock();
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
                .trigger(Trigger.ProcessingTime(options.trigger().toMillis()))
                .foreachBatch(new LiveBatch(stored, () -> state, batchLock, this::batchDone))
                .start();
    }

    private void published(LiveAdState counted) {
        countedThrough = counted.mergedThrough();
        latestClick = counted.latest();
    }

    private void batchDone(LiveUpdate update) {
        published(state);
        ResultTable blacklist = update.table("blacklist");
        synchronized (this) {
            latestBlacklist = blacklist;
            // Most batches blacklist nobody new, and a day's list can be long: the catalog is
            // written when the list changed, at most once a minute (and when the view stops).
            if (!blacklist.equals(savedBlacklist)
                    && Duration.between(savedAt, Instant.now()).compareTo(SAVE_BLACKLIST_EVERY) >= 0) {
                saveBlacklist(blacklist);
            }
        }
        supervision.batchDone();
        try {
            listener.onUpdate(update);
        } catch (RuntimeException e) {
            // The UI's trouble must not replay the batch: the stream goes on.
            LOG.log(System.Logger.Level.WARNING, "Live listener failed on batch " + update.batchId(), e);
        }
    }

    private void saveBlacklist(ResultTable blacklist) {
        LiveBlacklists.of(workspace).save(settings.name(), blacklist);
        savedBlacklist = blacklist;
        savedAt = Instant.now();
    }

    /** One compaction run, on the compaction thread: the batches counted so far into daily files. */
    private void compact() {
        if (closed || !filesLock.tryLock()) {
            return;
        }
        try {
            Long latest = latestClick;
            compaction.run(countedThrough, latest == null ? null
                    : LocalDate.ofInstant(Instant.ofEpochMilli(latest), ZoneOffset.UTC));
        } catch (RuntimeException e) {
            // The batches stay where they are and count all the same; the next run tries again.
            LOG.log(System.Logger.Level.WARNING, "Compaction of " + folders.root() + " failed", e);
        } finally {
            filesLock.unlock();
        }
    }
}
