package io.shoplens.engine.live;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * A running ad-click live view: its query over the clicks topic, supervised as the live GMV view's
 * ({@link SupervisedStream}: restarted from its checkpoint when it dies, RECONNECTING and OFFLINE
 * while the broker is away, the tables staying); the blacklist saved in the catalog for the next
 * start; and a background compaction of the stored batches ({@link Compaction}).
 */
final class StreamingLiveQuery implements LiveQuery {

    private static final System.Logger LOG = System.getLogger(StreamingLiveQuery.class.getName());
    /** The blacklist in the catalog is for the next start: it need not be rewritten every batch. */
    private static final Duration SAVE_BLACKLIST_EVERY = Duration.ofMinutes(1);

    private final SparkSession spark;
    private final Workspace workspace;
    private final KafkaSettings settings;
    private final AdParams params;
    private final LiveListener listener;
    private final LiveOptions options;
    private final LiveFolders folders;
    private final StoredBatches stored;
    private final Compaction compaction;
    private final SupervisedStream stream;
    /** The stream's: held while a batch is processed, so close() lets the current batch finish. */
    private final ReentrantLock batchLock;
    /** Held while the stored files are put right or compacted: never both at once. */
    private final ReentrantLock filesLock = new ReentrantLock();
    private final ScheduledExecutorService compactor;
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
        this.params = params;
        this.listener = listener;
        this.options = options;
        this.folders = LiveFolders.of(workspace, settings.name());
        this.stored = new StoredBatches(folders);
        this.compaction = new Compaction(stored);
        this.stream = new SupervisedStream("shoplens-live-" + LiveFolders.slug(settings.name()), settings, password,
                options, listener::onStatus, this::startQuery);
        this.batchLock = stream.batchLock();
        this.compactor = Executors.newSingleThreadScheduledExecutor(
                r -> SupervisedStream.daemon(r, "shoplens-live-compaction"));
    }

    void begin() {
        stream.begin();
        long every = options.compactEvery().toMillis();
        compactor.scheduleWithFixedDelay(this::compact, every, every, TimeUnit.MILLISECONDS);
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
        stream.close(this::putAway);
    }

    /** After the query stopped: the compaction under way finishes, the blacklist is saved, the state closed. */
    private void putAway() {
        // A compaction under way finishes (it is not interruptible half-way without leftovers).
        compactor.shutdown();
        try {
            compactor.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
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
        Dataset<Row> records = stream.read(spark, settings.topic());
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
        stream.batchDone(() -> listener.onUpdate(update), "batch " + update.batchId());
    }

    private void saveBlacklist(ResultTable blacklist) {
        LiveBlacklists.of(workspace).save(settings.name(), blacklist);
        savedBlacklist = blacklist;
        savedAt = Instant.now();
    }

    /** One compaction run, on the compaction thread: the batches counted so far into daily files. */
    private void compact() {
        if (stream.closed() || !filesLock.tryLock()) {
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
