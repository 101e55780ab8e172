package io.shoplens.engine.live;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.sql.Row;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.ads.AdClickRules;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.live.LiveStateStore.Minute;
import io.shoplens.engine.live.LiveStateStore.Place;
import io.shoplens.engine.live.LiveStateStore.Progress;
import io.shoplens.engine.live.LiveStateStore.UserDateAd;
import io.shoplens.engine.live.LiveStateStore.UserMinute;
import io.shoplens.engine.text.Text;

/**
 * The live view's counts between micro-batches, from which the four ad tables of the open day
 * follow in plain Java, row for row what {@link AdClickAnalysis#run} gives on the same clicks
 * (same names, columns, value types and order), restricted to the open day: blacklist,
 * daily_clicks and top_ads keep the rows of the date of the latest click read; minute_trend is the
 * hour ending at that click, as in the batch analysis. Earlier days are history ({@link LiveHistory}).
 *
 * <p>Merging a batch costs the batch's size (its keys read and written in the {@link
 * LiveStateStore}) plus the open day's tables that changed, never the day's clicks so far: the
 * heap keeps only those tables (places × ads, the minutes of the hour, the day's blacklist), and
 * the counts that grow with the users are on disk.
 *
 * <p>The day turns when the first click of a later date (in the zone of the ads rules) is read:
 * the open day's tables start empty, and the day before keeps its users' blacklist counts a day
 * longer, so late clicks around midnight still blacklist exactly. A click of an older day asks the
 * stored clicks ({@link PastClicks}) how often its user clicked that ad that day.
 *
 * <p>Not thread-safe: the live query merges under its batch lock.
 */
final class LiveAdState implements AutoCloseable {

    static final int SAMPLES = 5;
    /** The open day and the day before keep their users' blacklist counts in the store. */
    static final int USER_DAYS = 2;

    /** A well-formed click with its local date and minute ({@link AdClickRules#withLocalTime}). */
    record Click(long timestamp, LocalDate date, String minute, String province, String city, Long userId,
                 Long adId) {
        Click {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(minute, "minute");
        }

        /** From a collected row with the ad_click columns, {@code date} and {@code minute} (by name). */
        static Click of(Row r) {
            int user = r.fieldIndex("user_id");
            int ad = r.fieldIndex("ad_id");
            return new Click(r.getLong(r.fieldIndex("timestamp")), (LocalDate) ResultTable.plain(r.getAs("date")),
                    r.getAs("minute"), r.getAs("province"), r.getAs("city"), r.isNullAt(user) ? null : r.getLong(user),
                    r.isNullAt(ad) ? null : r.getLong(ad));
        }
    }

    /** A message that did not parse, where it was in the topic and why. */
    record Malformed(int partition, long offset, String reason, String message) {

        /** As the status panel shows it. */
        String sample() {
            return "partition " + partition + " offset " + offset + ": " + reason + ": " + message;
        }
    }

    /** One user's clicks on one ad. */
    record UserAd(long userId, Long adId) {
    }

    /**
     * The clicks of days whose per-user counts left the store: per user and ad, on {@code date},
     * among {@code users}, in the stored batches up to {@code throughBatch}.
     */
    @FunctionalInterface
    interface PastClicks {
        PastClicks NONE = (date, users, throughBatch) -> Map.of();

        Map<UserAd, Long> count(LocalDate date, Set<Long> users, long throughBatch);
    }

    private static final Comparator<String> TEXT = Comparator.nullsFirst(Text::compare);
    private static final Comparator<Long> ID = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Place> PLACE_ORDER = Comparator.comparing(Place::province, TEXT)
            .thenComparing(Place::city, TEXT).thenComparing(Place::adId, ID);
    private static final Comparator<UserAd> USER_AD_ORDER = Comparator.comparingLong(UserAd::userId)
            .thenComparing(UserAd::adId, ID);
    private static final Comparator<Minute> MINUTE_ORDER = Comparator.comparingLong(Minute::start)
            .thenComparing(Minute::minute, TEXT).thenComparing(Minute::adId, ID);

    private final AdParams params;
    private final LiveStateStore store;
    private final PastClicks past;
    /** Set while a merge runs: one that failed leaves this state unusable, and the store as it was. */
    private boolean broken;

    private long mergedThrough = -1;
    private long clicks;
    private long malformed;
    private List<String> samples = List.of();
    private Long latest;
    /** The date of the latest click; null before the first. */
    private LocalDate day;
    private final NavigableSet<LocalDate> days = new TreeSet<>();

    /** The open day's counts of the clicks the blacklist does not exclude; no zero entries. */
    private final TreeMap<Place, long[]> kept = new TreeMap<>(PLACE_ORDER);
    /** The same summed over cities, per province and ad, and each province's top rows. */
    private final Map<String, Map<Long, long[]>> provinceAds = new HashMap<>();
    private final TreeMap<String, List<List<Object>>> topRows = new TreeMap<>(TEXT);
    /** The open day's blacklist: (user, ad) at or over the threshold, with the clicks. */
    private final TreeMap<UserAd, long[]> blacklist = new TreeMap<>(USER_AD_ORDER);
    /** Kept clicks per minute of the hour ending at the latest click; no zero entries. */
    private final TreeMap<Minute, long[]> minutes = new TreeMap<>(MINUTE_ORDER);

    private ResultTable blacklistTable;
    private ResultTable dailyTable;
    private ResultTable topTable;
    private ResultTable minuteTable;

    private LiveAdState(AdParams params, LiveStateStore store, PastClicks past) {
        this.params = Objects.requireNonNull(params, "params");
        this.store = Objects.requireNonNull(store, "store");
        this.past = Objects.requireNonNull(past, "past");
    }

    /**
     * The state as {@code store} holds it. The store must have been counted with {@code params}
     * (or be new): {@link #storedParams} says.
     */
    static LiveAdState open(LiveStateStore store, AdParams params, PastClicks past) {
        LiveAdState state = new LiveAdState(params, store, past);
        state.load();
        return state;
    }

    /** Whether the store was counted with these parameters; true for a new store. */
    static boolean storedParams(LiveStateStore store, AdParams params) {
        return store.progress().map(p -> p.threshold() == params.blacklistThreshold()
                && p.zone().equals(params.zone().getId())).orElse(true);
    }

    private void load() {
        Optional<Progress> stored = store.progress();
        if (stored.isEmpty()) {
            refreshTables(true, true, true);
            return;
        }
        Progress p = stored.get();
        mergedThrough = p.through();
        clicks = p.clicks();
        malformed = p.malformed();
        samples = List.copyOf(p.samples());
        latest = p.latest();
        day = p.day() == null ? null : LocalDate.parse(p.day());
        days.addAll(store.days());
        store.forEachKept((place, n) -> addKept(place, n));
        store.forEachMinuteKept((minute, n) -> minutes.put(minute, new long[] {n}));
        if (day != null) {
            store.forEachBlacklisted(day, (key, n) -> blacklist.put(new UserAd(key.userId(), key.adId()),
                    new long[] {n}));
        }
        provinceAds.keySet().forEach(this::rankProvince);
        refreshTables(true, true, true);
    }

    AdParams params() {
        return params;
    }

    /** The id of the last batch merged; -1 before the first. */
    long mergedThrough() {
        return mergedThrough;
    }

    /** True after a merge failed: the store is at {@link #mergedThrough()}, this object is not. */
    boolean broken() {
        return broken;
    }

    long clicks() {
        return clicks;
    }

    long malformed() {
        return malformed;
    }

    /** The latest malformed messages: the newest batch first, in it by partition, the latest offset first. */
    List<String> samples() {
        return samples;
    }

    /** Epoch millis of the latest click of all (null before the first click). */
    Long latest() {
        return latest;
    }

    /** The open day: the date of the latest click; empty before the first click. */
    Optional<LocalDate> day() {
        return Optional.ofNullable(day);
    }

    /** The days before the open day that have clicks, oldest first. */
    List<LocalDate> pastDays() {
        return day == null ? List.of() : List.copyOf(days.headSet(day, false));
    }

    /** Every blacklisted user's first blacklisted date (from the store: all days). */
    Map<Long, LocalDate> since() {
        return store.allSince();
    }

    /**
     * Adds batch {@code batchId}'s clicks and malformed messages, unless a batch with that id or a
     * later one was merged already: Spark replays the last batch after a crash with the same
     * offsets, so merging it again would count its clicks twice.
     *
     * @return false for such a replay (nothing changed)
     */
    boolean merge(long batchId, List<Click> batch, List<Malformed> bad) {
        if (batchId <= mergedThrough) {
            return false;
        }
        if (broken) {
            throw new IllegalStateException("A failed merge left the live state unusable: reopen it");
        }
        broken = true;
        try (LiveStateStore.Batch out = store.batch()) {
            new Merge(out, batch).run();
            clicks += batch.size();
            malformed += bad.size();
            addSamples(bad);
            out.progress(new Progress(batchId, clicks, malformed, samples, latest, day == null ? null : day.toString(),
                    params.blacklistThreshold(), params.zone().getId()));
            out.commit();
        }
        mergedThrough = batchId;
        broken = false;
        return true;
    }

    /** One batch's changes: to the heap directly, to the store through {@code out} (written at the end). */
    private final class Merge {

        private final LiveStateStore.Batch out;
        private final List<Click> batch;
        private boolean dayStarted;
        private boolean dailyChanged;
        private boolean blacklistChanged;
        private final Set<String> provincesChanged = new HashSet<>();
        private final Map<Long, LocalDate> since = new HashMap<>();

        Merge(LiveStateStore.Batch out, List<Click> batch) {
            this.out = out;
            this.batch = batch;
        }

        void run() {
            moveClock();
            countForBlacklist();
            countKeptClicks();
            for (String province : provincesChanged) {
                rankProvince(province);
            }
            refreshTables(blacklistChanged, dailyChanged || !provincesChanged.isEmpty(), true);
        }

        /** The latest click and the open day move first: a batch's clicks count in the hour and day they end in. */
        private void moveClock() {
            Long newLatest = latest;
            LocalDate newDay = day;
            for (Click c : batch) {
                newLatest = newLatest == null ? c.timestamp() : Math.max(newLatest, c.timestamp());
                newDay = newDay == null || c.date().isAfter(newDay) ? c.date() : newDay;
                if (days.add(c.date())) {
                    out.day(c.date());
                }
            }
            if (newDay != null && !newDay.equals(day)) {
                startDay(newDay);
            }
            if (newLatest != null && !newLatest.equals(latest)) {
                latest = newLatest;
                long through = latest - AdClickRules.HOUR_MILLIS;
                minutes.keySet().removeIf(m -> m.start() <= through);
                out.dropMinutesThrough(through);
            }
        }

        private void startDay(LocalDate newDay) {
            day = newDay;
            dayStarted = true;
            kept.clear();
            provinceAds.clear();
            topRows.clear();
            blacklist.clear();
            dailyChanged = true;
            blacklistChanged = true;
            out.startDay(newDay.minusDays(USER_DAYS - 1));
        }

        /** Every click with a user counts for the blacklist, excluded or not (docs/ANALYSES.md, "ads"). */
        private void countForBlacklist() {
            Map<UserDateAd, long[]> perKey = new HashMap<>();
            Set<Long> users = new HashSet<>();
            for (Click c : batch) {
                if (c.userId() != null) {
                    perKey.computeIfAbsent(new UserDateAd(c.userId(), c.date(), c.adId()), k -> new long[1])[0]++;
                    users.add(c.userId());
                }
            }
            if (perKey.isEmpty()) {
                return;
            }
            since.putAll(store.since(users));
            LocalDate firstStored = day.minusDays(USER_DAYS - 1);
            List<UserDateAd> storedKeys = perKey.keySet().stream().filter(k -> !k.date().isBefore(firstStored)).toList();
            Map<UserDateAd, Long> before = new HashMap<>(store.userAd(storedKeys));
            before.putAll(pastCounts(perKey.keySet(), firstStored));
            Map<Long, LocalDate> blacklistedFrom = new HashMap<>();
            for (Map.Entry<UserDateAd, long[]> e : perKey.entrySet()) {
                UserDateAd key = e.getKey();
                long total = before.getOrDefault(key, 0L) + e.getValue()[0];
                if (!key.date().isBefore(firstStored)) {
                    out.userAd(key, total);
                }
                if (total < params.blacklistThreshold()) {
                    continue;
                }
                if (key.date().equals(day)) {
                    blacklist.put(new UserAd(key.userId(), key.adId()), new long[] {total});
                    out.blacklisted(key.userId(), key.adId(), total);
                    blacklistChanged = true;
                }
                LocalDate from = since.get(key.userId());
                LocalDate earliest = blacklistedFrom.get(key.userId());
                if ((from == null || key.date().isBefore(from)) && (earliest == null || key.date().isBefore(earliest))) {
                    blacklistedFrom.put(key.userId(), key.date());
                }
            }
            blacklistedFrom.forEach(this::blacklistFrom);
        }

        /**
         * The counts before this batch of keys on days older than the store keeps, asked of the
         * stored clicks; a user already blacklisted on or before such a day needs none.
         */
        private Map<UserDateAd, Long> pastCounts(Set<UserDateAd> keys, LocalDate firstStored) {
            Map<LocalDate, Set<Long>> usersPerDay = new TreeMap<>();
            for (UserDateAd k : keys) {
                LocalDate from = since.get(k.userId());
                if (k.date().isBefore(firstStored) && (from == null || k.date().isBefore(from))) {
                    usersPerDay.computeIfAbsent(k.date(), d -> new HashSet<>()).add(k.userId());
                }
            }
            Map<UserDateAd, Long> counts = new HashMap<>();
            usersPerDay.forEach((date, users) -> past.count(date, users, mergedThrough)
                    .forEach((k, n) -> counts.put(new UserDateAd(k.userId(), date, k.adId()), n)));
            return counts;
        }

        /**
         * {@code user} is blacklisted from {@code from} on, earlier than before: their clicks of
         * that date and later leave the open day's counts and the hour.
         */
        private void blacklistFrom(long user, LocalDate from) {
            LocalDate before = since.put(user, from);
            out.since(user, from);
            // Counted in the open day until now only when not blacklisted before (since <= open day).
            if (before == null && !dayStarted) {
                for (Map.Entry<Place, Long> p : store.userPlaces(user).entrySet()) {
                    addKept(p.getKey(), -p.getValue());
                    out.deleteUserPlace(user, p.getKey());
                    dailyChanged = true;
                    provincesChanged.add(p.getKey().province());
                }
            }
            Set<Long> starts = new TreeSet<>();
            minutes.keySet().forEach(m -> starts.add(m.start()));
            for (UserMinute m : store.userMinutes(user, starts)) {
                if (!m.date().isBefore(from)) {
                    addMinute(m.minute(), -m.clicks());
                    out.deleteUserMinute(user, m.minute(), m.date());
                }
            }
        }

        /** The batch's clicks that the blacklist, as it is now, does not exclude. */
        private void countKeptClicks() {
            Map<Place, long[]> places = new HashMap<>();
            Map<Long, Map<Place, long[]>> userPlaces = new HashMap<>();
            Map<Minute, long[]> minuteCounts = new HashMap<>();
            Map<UserMinuteKey, long[]> userMinutes = new HashMap<>();
            long hourBefore = latest == null ? Long.MAX_VALUE : latest - AdClickRules.HOUR_MILLIS;
            for (Click c : batch) {
                LocalDate from = c.userId() == null ? null : since.get(c.userId());
                if (from != null && !c.date().isBefore(from)) {
                    continue;
                }
                if (c.date().equals(day)) {
                    Place place = new Place(c.province(), c.city(), c.adId());
                    places.computeIfAbsent(place, k -> new long[1])[0]++;
                    if (c.userId() != null) {
                        userPlaces.computeIfAbsent(c.userId(), k -> new HashMap<>())
                                .computeIfAbsent(place, k -> new long[1])[0]++;
                    }
                }
                long start = minuteStart(c.timestamp());
                if (start > hourBefore && start <= latest) {
                    Minute minute = new Minute(start, c.minute(), c.adId());
                    minuteCounts.computeIfAbsent(minute, k -> new long[1])[0]++;
                    if (c.userId() != null) {
                        userMinutes.computeIfAbsent(new UserMinuteKey(c.userId(), minute, c.date()),
                                k -> new long[1])[0]++;
                    }
                }
            }
            places.forEach((place, n) -> {
                addKept(place, n[0]);
                provincesChanged.add(place.province());
            });
            dailyChanged |= !places.isEmpty();
            userPlaces.forEach((user, counts) -> counts.forEach((place, n) -> out.addUserPlace(user, place, n[0])));
            minuteCounts.forEach((minute, n) -> addMinute(minute, n[0]));
            userMinutes.forEach((k, n) -> out.addUserMinute(k.userId(), k.minute(), k.date(), n[0]));
        }

        private void addKept(Place place, long n) {
            LiveAdState.this.addKept(place, n);
            long[] count = kept.get(place);
            out.kept(place, count == null ? 0 : count[0]);
        }

        private void addMinute(Minute minute, long n) {
            long[] count = minutes.computeIfAbsent(minute, k -> new long[1]);
            count[0] += n;
            out.minuteKept(minute, count[0]);
            if (count[0] == 0) {
                minutes.remove(minute);
            }
        }
    }

    private record UserMinuteKey(long userId, Minute minute, LocalDate date) {
    }

    /** Adds {@code n} (may be negative) to a place's kept clicks and its province's sums. */
    private void addKept(Place place, long n) {
        long[] count = kept.computeIfAbsent(place, k -> new long[1]);
        count[0] += n;
        if (count[0] == 0) {
            kept.remove(place);
        }
        Map<Long, long[]> ads = provinceAds.computeIfAbsent(place.province(), k -> new HashMap<>());
        long[] sum = ads.computeIfAbsent(place.adId(), k -> new long[1]);
        sum[0] += n;
        if (sum[0] == 0) {
            ads.remove(place.adId());
        }
        if (ads.isEmpty()) {
            provinceAds.remove(place.province());
        }
    }

    /** A province's ads with most clicks summed over cities, ties by ad_id. */
    private void rankProvince(String province) {
        Map<Long, long[]> ads = provinceAds.get(province);
        if (ads == null) {
            topRows.remove(province);
            return;
        }
        List<Map.Entry<Long, long[]>> ranked = new ArrayList<>(ads.entrySet());
        ranked.sort(Comparator.<Map.Entry<Long, long[]>>comparingLong(a -> -a.getValue()[0])
                .thenComparing(Map.Entry::getKey, ID));
        List<List<Object>> rows = new ArrayList<>();
        for (int rank = 1; rank <= Math.min(AdClickAnalysis.TOP_ADS_PER_PROVINCE, ranked.size()); rank++) {
            Map.Entry<Long, long[]> ad = ranked.get(rank - 1);
            rows.add(ResultTable.row(day, province, (long) rank, ad.getKey(), ad.getValue()[0]));
        }
        topRows.put(province, rows);
    }

    private void addSamples(List<Malformed> bad) {
        if (bad.isEmpty()) {
            return;
        }
        List<String> newest = new ArrayList<>(bad.stream()
                .sorted(Comparator.comparingInt(Malformed::partition)
                        .thenComparing(Comparator.comparingLong(Malformed::offset).reversed()))
                .map(Malformed::sample).limit(SAMPLES).toList());
        newest.addAll(samples);
        samples = List.copyOf(newest.subList(0, Math.min(SAMPLES, newest.size())));
    }

    /** blacklist, daily_clicks, top_ads (the open day's rows) and minute_trend, as {@link AdClickAnalysis#run} makes them. */
    List<ResultTable> tables() {
        return List.of(blacklistTable, dailyTable, topTable, minuteTable);
    }

    /** Rebuilds the tables whose counts changed; the others keep their rows. */
    private void refreshTables(boolean blacklistChanged, boolean dailyChanged, boolean minutesChanged) {
        if (blacklistChanged) {
            List<List<Object>> rows = new ArrayList<>(blacklist.size());
            blacklist.forEach((k, n) -> rows.add(ResultTable.row(k.userId(), day, k.adId(), n[0])));
            blacklistTable = new ResultTable(AdClickAnalysis.BLACKLIST, AdClickAnalysis.BLACKLIST_COLUMNS,
                    Collections.unmodifiableList(rows));
        }
        if (dailyChanged) {
            List<List<Object>> rows = new ArrayList<>(kept.size());
            kept.forEach((p, n) -> rows.add(ResultTable.row(day, p.province(), p.city(), p.adId(), n[0])));
            dailyTable = new ResultTable(AdClickAnalysis.DAILY_CLICKS,
                    AdClickAnalysis.DAILY_CLICKS_COLUMNS, Collections.unmodifiableList(rows));
            List<List<Object>> top = new ArrayList<>();
            topRows.values().forEach(top::addAll);
            topTable = new ResultTable(AdClickAnalysis.TOP_ADS, AdClickAnalysis.TOP_ADS_COLUMNS,
                    Collections.unmodifiableList(top));
        }
        if (minutesChanged) {
            minuteTable = minuteTable();
        }
    }

    private record MinuteAd(String minute, Long adId) {
    }

    /** Minutes are grouped by their text, as the batch analysis does (a repeated local hour shares it). */
    private ResultTable minuteTable() {
        Map<MinuteAd, long[]> perMinute = new TreeMap<>(
                Comparator.comparing(MinuteAd::minute, TEXT).thenComparing(MinuteAd::adId, ID));
        minutes.forEach((m, n) -> perMinute.computeIfAbsent(new MinuteAd(m.minute(), m.adId()), k -> new long[1])[0]
                += n[0]);
        List<List<Object>> rows = new ArrayList<>(perMinute.size());
        perMinute.forEach((k, v) -> rows.add(ResultTable.row(k.minute(), k.adId(), v[0])));
        return new ResultTable(AdClickAnalysis.MINUTE_TREND, AdClickAnalysis.MINUTE_TREND_COLUMNS,
                Collections.unmodifiableList(rows));
    }

    static long minuteStart(long timestamp) {
        return timestamp - Math.floorMod(timestamp, AdClickRules.MINUTE_MILLIS);
    }


    /** Closes the store; the state is no longer usable. */
    @Override
    public void close() {
        store.close();
    }
}
