package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.ads.AdClickRules;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.live.LiveAdState.PastClicks;
import io.shoplens.engine.live.LiveAdState.UserAd;
import io.shoplens.engine.live.LiveStateStore.Minute;
import io.shoplens.engine.live.LiveStateStore.Place;
import io.shoplens.engine.live.LiveStateStore.Progress;
import io.shoplens.engine.live.LiveStateStore.UserDateAd;

/**
 * Brings the live counts ({@link LiveAdState}) level with the stored clicks ({@link StoredBatches})
 * when a query starts: the store as it is when it is at the marker; the few batches it lacks merged
 * from their files after a crash between storing a batch and counting it; and, when there is no
 * usable store (a new blacklist threshold or time zone, a damaged or missing store), all of it
 * rebuilt from the stored clicks by Spark with the batch analysis' own rules, into a new folder
 * that replaces the old one only when complete.
 */
final class LiveStateRecovery {

    private static final System.Logger LOG = System.getLogger(LiveStateRecovery.class.getName());
    /** More missing batches than this are rebuilt rather than merged one by one. */
    private static final long MAX_CATCH_UP = 100;
    /** Rows written to the store per commit during a rebuild. */
    private static final int REBUILD_CHUNK = 100_000;

    private LiveStateRecovery() {
    }

    /**
     * The state to go on with when a query (re)starts: first the stored files are put right
     * ({@link StoredBatches#recover}); then {@code current} is kept if it is exactly at the marker,
     * or else the state is opened from disk and brought level with the marker.
     */
    static LiveAdState resume(SparkSession spark, StoredBatches stored, AdParams params, LiveAdState current) {
        long marker = stored.mergedThrough();
        stored.recover();
        if (current != null && !current.broken() && current.mergedThrough() == marker
                && current.params().equals(params)) {
            return current;
        }
        if (current != null) {
            current.close();
        }
        return open(spark, stored, params, marker);
    }

    static LiveAdState open(SparkSession spark, StoredBatches stored, AdParams params, long marker) {
        LiveFolders folders = stored.folders();
        LiveStateStore.delete(folders.stateRebuilding());
        PastClicks past = pastClicks(spark, stored, params);
        if (Files.isDirectory(folders.state())) {
            LiveStateStore store = openOrDiscard(folders);
            if (store != null) {
                Optional<Progress> progress = store.progress();
                long through = progress.map(Progress::through).orElse(-1L);
                boolean usable = LiveAdState.storedParams(store, params) && through <= marker
                        && marker - through <= MAX_CATCH_UP && (progress.isPresent() || marker < 0);
                if (usable) {
                    LiveAdState state = LiveAdState.open(store, params, past);
                    try {
                        catchUp(spark, stored, state, marker);
                        return state;
                    } catch (RuntimeException e) {
                        state.close();
                        throw e;
                    }
                }
                store.close();
            }
        }
        rebuild(spark, stored, params, marker);
        return LiveAdState.open(LiveStateStore.open(folders.state()), params, past);
    }

    /** The store, or null (and its folder deleted) when it cannot be read; another holder of its lock is an error. */
    private static LiveStateStore openOrDiscard(LiveFolders folders) {
        try {
            LiveStateStore store = LiveStateStore.open(folders.state());
            store.progress();
            return store;
        } catch (UncheckedIOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("lock") || message.contains("LOCK")) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "The live state in " + folders.state()
                    + " is unreadable; rebuilding it from the stored clicks", e);
            LiveStateStore.delete(folders.state());
            return null;
        }
    }

    /** Merges the stored batches the state lacks (after a crash between storing a batch and counting it). */
    static void catchUp(SparkSession spark, StoredBatches stored, LiveAdState state, long marker) {
        long from = state.mergedThrough();
        if (from >= marker) {
            return;
        }
        List<Row> rows = stored.read(spark, marker, null, all -> AdClickRules.withLocalTime(
                all.filter(col("batch_id").gt(from)), state.params().zone()).collectAsList());
        Map<Long, List<Row>> perBatch = new TreeMap<>();
        for (Row r : rows) {
            perBatch.computeIfAbsent(r.getLong(r.fieldIndex("batch_id")), b -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<Long, List<Row>> batch : perBatch.entrySet()) {
            List<LiveAdState.Click> clicks = new ArrayList<>();
            List<LiveAdState.Malformed> malformed = new ArrayList<>();
            for (Row r : batch.getValue()) {
                if (r.isNullAt(r.fieldIndex(LiveMessages.REASON))) {
                    clicks.add(LiveAdState.Click.of(r));
                } else {
                    malformed.add(malformed(r));
                }
            }
            state.merge(batch.getKey(), clicks, malformed);
        }
        // The marker's batch may have had no rows at all (no folder): the state is at it all the same.
        state.merge(marker, List.of(), List.of());
    }

    private static LiveAdState.Malformed malformed(Row r) {
        return new LiveAdState.Malformed(r.getInt(r.fieldIndex(LiveMessages.PARTITION)),
                r.getLong(r.fieldIndex(LiveMessages.OFFSET)), r.getString(r.fieldIndex(LiveMessages.REASON)),
                r.getString(r.fieldIndex(LiveMessages.MESSAGE)));
    }

    /** How often each user clicked each ad on a day the store no longer keeps, from the stored clicks. */
    static PastClicks pastClicks(SparkSession spark, StoredBatches stored, AdParams params) {
        return (date, users, throughBatch) -> stored.read(spark, throughBatch,
                Set.of(date.minusDays(1), date, date.plusDays(1)), rows -> {
                    Dataset<Row> clicks = AdClickRules.withLocalTime(rows.filter(col(LiveMessages.REASON).isNull()
                            .and(col("user_id").isin(users.toArray()))), params.zone());
                    Map<UserAd, Long> counts = new HashMap<>();
                    for (Row r : clicks.filter(col("date").equalTo(lit(date))).groupBy("user_id", "ad_id").count()
                            .collectAsList()) {
                        counts.put(new UserAd(r.getLong(0), id(r, 1)), r.getLong(2));
                    }
                    return counts;
                });
    }

    /** Writes the state of every stored click through {@code marker} into a new store, then puts it in place. */
    static void rebuild(SparkSession spark, StoredBatches stored, AdParams params, long marker) {
        LiveFolders folders = stored.folders();
        LOG.log(System.Logger.Level.INFO, "Rebuilding the live state of " + folders.root() + " through batch "
                + marker);
        LiveStateStore.delete(folders.stateRebuilding());
        try (LiveStateStore store = LiveStateStore.open(folders.stateRebuilding())) {
            stored.read(spark, marker, null, rows -> {
                write(store, rows, params, marker);
                return null;
            });
        }
        LiveStateStore.delete(folders.state());
        try {
            Files.move(folders.stateRebuilding(), folders.state(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot put the rebuilt live state in place in " + folders.root() + ": "
                    + e.getMessage(), e);
        }
    }

    private static void write(LiveStateStore store, Dataset<Row> rows, AdParams params, long marker) {
        Dataset<Row> all = AdClickRules.withLocalTime(rows, params.zone()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Row counters = all.agg(
                    count(when(col(LiveMessages.REASON).isNull(), lit(1))),
                    count(when(col(LiveMessages.REASON).isNotNull(), lit(1))),
                    max("timestamp"), max("date")).first();
            long malformed = counters.getLong(1);
            Long latest = counters.isNullAt(2) ? null : counters.getLong(2);
            LocalDate day = counters.isNullAt(3) ? null : (LocalDate) ResultTable.plain(counters.get(3));
            List<String> samples = malformed == 0 ? List.of() : samples(all);
            Dataset<Row> clicks = all.filter(col(LiveMessages.REASON).isNull());
            if (day != null) {
                writeCounts(store, clicks, params, day, latest);
            }
            try (LiveStateStore.Batch out = store.batch()) {
                out.progress(new Progress(marker, counters.getLong(0), malformed, samples, latest,
                        day == null ? null : day.toString(), params.blacklistThreshold(), params.zone().getId()));
                out.commit();
            }
        } finally {
            all.unpersist();
        }
    }

    /** The same counts {@link LiveAdState#merge} keeps, by the batch analysis' rules ({@link AdClickRules}). */
    private static void writeCounts(LiveStateStore store, Dataset<Row> clicks, AdParams params, LocalDate day,
                                    long latest) {
        Chunks out = new Chunks(store);
        for (Row r : clicks.select("date").distinct().collectAsList()) {
            out.batch().day((LocalDate) ResultTable.plain(r.get(0)));
        }
        Dataset<Row> blacklist = AdClickRules.blacklist(clicks, params.blacklistThreshold())
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            for (Row r : blacklist.groupBy("user_id").agg(min("date")).collectAsList()) {
                out.batch().since(r.getLong(0), (LocalDate) ResultTable.plain(r.get(1)));
                out.counted();
            }
            for (Row r : blacklist.filter(col("date").equalTo(lit(day))).select("user_id", "ad_id", "clicks")
                    .collectAsList()) {
                out.batch().blacklisted(r.getLong(0), id(r, 1), r.getLong(2));
                out.counted();
            }
            LocalDate firstStored = day.minusDays(LiveAdState.USER_DAYS - 1);
            Iterator<Row> userAd = clicks.filter(col("user_id").isNotNull().and(col("date").geq(lit(firstStored))))
                    .groupBy("user_id", "date", "ad_id").count().toLocalIterator();
            while (userAd.hasNext()) {
                Row r = userAd.next();
                out.batch().userAd(new UserDateAd(r.getLong(0), (LocalDate) ResultTable.plain(r.get(1)), id(r, 2)),
                        r.getLong(3));
                out.counted();
            }
            Dataset<Row> kept = AdClickRules.excludeBlacklisted(clicks, blacklist);
            Dataset<Row> keptToday = kept.filter(col("date").equalTo(lit(day)));
            for (Row r : AdClickRules.dailyClicks(keptToday).select("province", "city", "ad_id", "clicks")
                    .collectAsList()) {
                out.batch().kept(new Place(r.getString(0), r.getString(1), id(r, 2)), r.getLong(3));
                out.counted();
            }
            Iterator<Row> places = keptToday.filter(col("user_id").isNotNull())
                    .groupBy("user_id", "province", "city", "ad_id").count().toLocalIterator();
            while (places.hasNext()) {
                Row r = places.next();
                out.batch().addUserPlace(r.getLong(0), new Place(r.getString(1), r.getString(2), id(r, 3)),
                        r.getLong(4));
                out.counted();
            }
            Dataset<Row> hour = kept.withColumn("minute_start",
                            col("timestamp").minus(pmod(col("timestamp"), lit(AdClickRules.MINUTE_MILLIS))))
                    .filter(col("minute_start").gt(latest - AdClickRules.HOUR_MILLIS)
                            .and(col("minute_start").leq(latest)));
            for (Row r : hour.groupBy("minute_start", "minute", "ad_id").count().collectAsList()) {
                out.batch().minuteKept(new Minute(r.getLong(0), r.getString(1), id(r, 2)), r.getLong(3));
                out.counted();
            }
            Iterator<Row> userMinutes = hour.filter(col("user_id").isNotNull())
                    .groupBy("minute_start", "minute", "ad_id", "user_id", "date").count().toLocalIterator();
            while (userMinutes.hasNext()) {
                Row r = userMinutes.next();
                out.batch().addUserMinute(r.getLong(3), new Minute(r.getLong(0), r.getString(1), id(r, 2)),
                        (LocalDate) ResultTable.plain(r.get(4)), r.getLong(5));
                out.counted();
            }
            out.finish();
        } finally {
            blacklist.unpersist();
        }
    }

    /** Store batches of a bounded size: a rebuild of millions of keys does not hold them all at once. */
    private static final class Chunks {
        private final LiveStateStore store;
        private LiveStateStore.Batch batch;
        private int rows;

        Chunks(LiveStateStore store) {
            this.store = store;
        }

        LiveStateStore.Batch batch() {
            if (batch == null) {
                batch = store.batch();
            }
            return batch;
        }

        void counted() {
            if (++rows % REBUILD_CHUNK == 0) {
                finish();
            }
        }

        void finish() {
            if (batch != null) {
                batch.commit();
                batch.close();
                batch = null;
            }
        }
    }

    /** The latest malformed messages as {@link LiveAdState#samples()} orders them. */
    private static List<String> samples(Dataset<Row> all) {
        List<String> samples = new ArrayList<>();
        for (Row r : all.filter(col(LiveMessages.REASON).isNotNull())
                .orderBy(col("batch_id").desc(), col(LiveMessages.PARTITION), col(LiveMessages.OFFSET).desc())
                .select(LiveMessages.PARTITION, LiveMessages.OFFSET, LiveMessages.REASON, LiveMessages.MESSAGE)
                .limit(LiveAdState.SAMPLES).collectAsList()) {
            samples.add(new LiveAdState.Malformed(r.getInt(0), r.getLong(1), r.getString(2), r.getString(3)).sample());
        }
        return samples;
    }

    private static Long id(Row r, int i) {
        return r.isNullAt(i) ? null : r.getLong(i);
    }
}
