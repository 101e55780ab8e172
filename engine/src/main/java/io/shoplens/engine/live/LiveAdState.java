package io.shoplens.engine.live;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.apache.spark.sql.Row;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.ads.AdClickRules;
import io.shoplens.engine.analysis.ResultTable;

/**
 * The live view's memory between micro-batches: click counts per key, from which the four ad
 * tables follow in plain Java, row for row what {@link AdClickAnalysis#run} gives on the same
 * clicks (same names, columns, value types and order). Merging a batch costs the batch's size plus
 * the tables' size, never the history's, and needs no Spark job.
 *
 * <p>What is kept, and why: per (user, date, province, city, ad) — a user's clicks leave the daily
 * counts from the first date they are blacklisted, and that date can still move earlier when a
 * late click arrives; per (user, date, ad) — the blacklist; the daily counts of the clicks not
 * excluded so far, kept in step with the blacklist; per (minute, ad, user, date) only for the
 * minutes that can still be in the last hour (the hour ends at the latest click of all, which
 * only grows, so an older minute can never return).
 *
 * <p>Not thread-safe: the live query merges under its batch lock.
 */
final class LiveAdState {

    static final int SAMPLES = 5;

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

    private record Place(LocalDate date, String province, String city, Long adId) {
    }

    private record UserDateAd(Long userId, LocalDate date, Long adId) {
    }

    private record Minute(long start, String minute, Long adId, Long userId, LocalDate date) {
    }

    private static final Comparator<String> TEXT = Comparator.nullsFirst(LiveAdState::compareCodePoints);
    private static final Comparator<Long> ID = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Place> PLACE_ORDER = Comparator.comparing(Place::date)
            .thenComparing(Place::province, TEXT).thenComparing(Place::city, TEXT).thenComparing(Place::adId, ID);

    private final AdParams params;
    private long mergedThrough = -1;
    private long clicks;
    private long malformed;
    private List<String> samples = List.of();
    private Long latest;

    /** Every click's count by user (null: clicks without a user) and place. */
    private final Map<Long, Map<Place, long[]>> byUser = new HashMap<>();
    private final Map<UserDateAd, long[]> perUserDateAd = new HashMap<>();
    private final Set<UserDateAd> blacklisted = new HashSet<>();
    /** The first date each blacklisted user is blacklisted on. */
    private final Map<Long, LocalDate> since = new HashMap<>();
    /** Daily counts of the clicks the blacklist does not exclude; no zero entries. */
    private final Map<Place, long[]> kept = new HashMap<>();
    private final Map<Minute, long[]> minutes = new HashMap<>();

    LiveAdState(AdParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    AdParams params() {
        return params;
    }

    /** The id of the last batch merged; -1 before the first. */
    long mergedThrough() {
        return mergedThrough;
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
        for (Click c : batch) {
            latest = latest == null ? c.timestamp() : Math.max(latest, c.timestamp());
        }
        dropMinutesBeforeTheHour();
        for (Click c : batch) {
            count(c.userId(), new Place(c.date(), c.province(), c.city(), c.adId()), 1);
            long start = minuteStart(c.timestamp());
            if (inHour(start)) {
                minutes.computeIfAbsent(new Minute(start, c.minute(), c.adId(), c.userId(), c.date()),
                        k -> new long[1])[0]++;
            }
        }
        clicks += batch.size();
        malformed += bad.size();
        if (!bad.isEmpty()) {
            List<String> newest = new ArrayList<>(bad.stream()
                    .sorted(Comparator.comparingInt(Malformed::partition)
                            .thenComparing(Comparator.comparingLong(Malformed::offset).reversed()))
                    .map(Malformed::sample).limit(SAMPLES).toList());
            newest.addAll(samples);
            samples = List.copyOf(newest.subList(0, Math.min(SAMPLES, newest.size())));
        }
        // Last: a merge that failed half-way leaves the state behind the marker, so it is rebuilt.
        mergedThrough = batchId;
        return true;
    }

    /**
     * Starts a restored state from stored batches: the counters through batch {@code
     * mergedThrough}. Then {@link #restoreClicks} and {@link #restoreMinute} add the counts.
     */
    void restoreCounters(long mergedThrough, long clicks, long malformed, List<String> samples, Long latest) {
        this.mergedThrough = mergedThrough;
        this.clicks = clicks;
        this.malformed = malformed;
        this.samples = List.copyOf(samples.subList(0, Math.min(SAMPLES, samples.size())));
        this.latest = latest;
    }

    /** Adds {@code n} stored clicks of one user (may be null) at one date, place and ad. */
    void restoreClicks(Long userId, LocalDate date, String province, String city, Long adId, long n) {
        count(userId, new Place(Objects.requireNonNull(date, "date"), province, city, adId), n);
    }

    /** Adds {@code n} stored clicks in one minute; minutes no longer in the hour are left out. */
    void restoreMinute(long minuteStart, String minute, Long adId, Long userId, LocalDate date, long n) {
        if (inHour(minuteStart)) {
            minutes.computeIfAbsent(new Minute(minuteStart, minute, adId, userId, date), k -> new long[1])[0] += n;
        }
    }

    /** blacklist, daily_clicks, top_ads, minute_trend: as {@link AdClickAnalysis#run} makes them. */
    List<ResultTable> tables() {
        return List.of(blacklistTable(), dailyTable(), topAdsTable(), minuteTable());
    }

    /**
     * Counts {@code n} clicks, keeping the daily counts equal to those of the clicks that the
     * blacklist, as it is after them, does not exclude.
     */
    private void count(Long userId, Place place, long n) {
        byUser.computeIfAbsent(userId, k -> new HashMap<>()).computeIfAbsent(place, k -> new long[1])[0] += n;
        if (!excluded(userId, place.date())) {
            kept.computeIfAbsent(place, k -> new long[1])[0] += n;
        }
        if (userId == null) {
            return; // a click without a user cannot be blamed on anyone
        }
        UserDateAd key = new UserDateAd(userId, place.date(), place.adId());
        long[] count = perUserDateAd.computeIfAbsent(key, k -> new long[1]);
        count[0] += n;
        if (count[0] < params.blacklistThreshold()) {
            return;
        }
        blacklisted.add(key);
        LocalDate before = since.get(userId);
        if (before == null || place.date().isBefore(before)) {
            since.put(userId, place.date());
            exclude(userId, place.date(), before);
        }
    }

    /** The user's clicks from {@code from} up to (not including) {@code until} (null: no end) leave the daily counts. */
    private void exclude(Long userId, LocalDate from, LocalDate until) {
        for (Map.Entry<Place, long[]> e : byUser.get(userId).entrySet()) {
            LocalDate date = e.getKey().date();
            if (!date.isBefore(from) && (until == null || date.isBefore(until))) {
                long[] count = kept.get(e.getKey());
                count[0] -= e.getValue()[0];
                if (count[0] == 0) {
                    kept.remove(e.getKey());
                }
            }
        }
    }

    /** Blacklisted from its first date on, not before. */
    private boolean excluded(Long userId, LocalDate date) {
        LocalDate from = userId == null ? null : since.get(userId);
        return from != null && !date.isBefore(from);
    }

    private void dropMinutesBeforeTheHour() {
        minutes.keySet().removeIf(m -> !inHour(m.start()));
    }

    /** {@link AdClickRules#minuteTrend}: a minute is in the hour when its start is in (latest − 60 min, latest]. */
    private boolean inHour(long minuteStart) {
        return latest != null && minuteStart > latest - AdClickRules.HOUR_MILLIS && minuteStart <= latest;
    }

    static long minuteStart(long timestamp) {
        return timestamp - Math.floorMod(timestamp, AdClickRules.MINUTE_MILLIS);
    }

    private ResultTable blacklistTable() {
        List<UserDateAd> keys = new ArrayList<>(blacklisted);
        keys.sort(Comparator.comparing(UserDateAd::userId).thenComparing(UserDateAd::date)
                .thenComparing(UserDateAd::adId, ID));
        List<List<Object>> rows = new ArrayList<>();
        for (UserDateAd k : keys) {
            rows.add(row(k.userId(), k.date(), k.adId(), perUserDateAd.get(k)[0]));
        }
        return new ResultTable(AdClickAnalysis.BLACKLIST, List.of("user_id", "date", "ad_id", "clicks"), rows);
    }

    private ResultTable dailyTable() {
        List<Place> places = new ArrayList<>(kept.keySet());
        places.sort(PLACE_ORDER);
        List<List<Object>> rows = new ArrayList<>();
        for (Place p : places) {
            rows.add(row(p.date(), p.province(), p.city(), p.adId(), kept.get(p)[0]));
        }
        return new ResultTable(AdClickAnalysis.DAILY_CLICKS, List.of("date", "province", "city", "ad_id", "clicks"),
                rows);
    }

    private record Province(LocalDate date, String province) {
    }

    /** Per date and province, the ads with most clicks summed over cities, ties by ad_id. */
    private ResultTable topAdsTable() {
        Map<Province, Map<Long, long[]>> perProvince = new TreeMap<>(
                Comparator.comparing(Province::date).thenComparing(Province::province, TEXT));
        for (Map.Entry<Place, long[]> e : kept.entrySet()) {
            Place p = e.getKey();
            perProvince.computeIfAbsent(new Province(p.date(), p.province()), k -> new HashMap<>())
                    .computeIfAbsent(p.adId(), k -> new long[1])[0] += e.getValue()[0];
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Map.Entry<Province, Map<Long, long[]>> province : perProvince.entrySet()) {
            List<Map.Entry<Long, long[]>> ads = new ArrayList<>(province.getValue().entrySet());
            ads.sort(Comparator.<Map.Entry<Long, long[]>>comparingLong(a -> -a.getValue()[0])
                    .thenComparing(Map.Entry::getKey, ID));
            for (int rank = 1; rank <= Math.min(AdClickAnalysis.TOP_ADS_PER_PROVINCE, ads.size()); rank++) {
                Map.Entry<Long, long[]> ad = ads.get(rank - 1);
                rows.add(row(province.getKey().date(), province.getKey().province(), (long) rank, ad.getKey(),
                        ad.getValue()[0]));
            }
        }
        return new ResultTable(AdClickAnalysis.TOP_ADS, List.of("date", "province", "rank", "ad_id", "clicks"), rows);
    }

    private record MinuteAd(String minute, Long adId) {
    }

    /** Minutes are grouped by their text, as the batch analysis does (a repeated local hour shares it). */
    private ResultTable minuteTable() {
        Map<MinuteAd, long[]> perMinute = new TreeMap<>(
                Comparator.comparing(MinuteAd::minute, TEXT).thenComparing(MinuteAd::adId, ID));
        for (Map.Entry<Minute, long[]> e : minutes.entrySet()) {
            Minute m = e.getKey();
            if (inHour(m.start()) && !excluded(m.userId(), m.date())) {
                perMinute.computeIfAbsent(new MinuteAd(m.minute(), m.adId()), k -> new long[1])[0] += e.getValue()[0];
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        perMinute.forEach((k, v) -> rows.add(row(k.minute(), k.adId(), v[0])));
        return new ResultTable(AdClickAnalysis.MINUTE_TREND, List.of("minute", "ad_id", "clicks"), rows);
    }

    /** A row that may hold nulls (List.of may not). */
    private static List<Object> row(Object... values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** Spark orders strings by their UTF-8 bytes, which is code point order (not Java's UTF-16 order). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return i < a.length() ? 1 : j < b.length() ? -1 : 0;
    }
}
