package io.shoplens.engine.ads;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.text.Text;

/**
 * The ads analysis (docs/ANALYSES.md, ads) over clicks held in this JVM: the same four tables as
 * {@link AdClickAnalysis#run}, row for row and value for value, in a few passes over the columns.
 * Spark's path stays for clicks too many to hold and for a cluster; {@code
 * MemoryAdClickAnalysisTest} holds the two to each other.
 */
public final class MemoryAdClickAnalysis {

    private static final Comparator<Long> ID = Comparator.nullsFirst(Comparator.naturalOrder());
    /** As Spark's {@code date_format(local, "yyyy-MM-dd HH:mm")} writes a minute. */
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private MemoryAdClickAnalysis() {
    }

    // A record's own hashCode (31 * h + field) makes (user, day) and (user + 1, day - 31) collide:
    // at a million clicks whole buckets turned into trees. These keys mix their fields instead.

    private record UserDayAd(long user, int day, Long ad) {
        @Override
        public int hashCode() {
            return mix(user, day, ad);
        }
    }

    private record Place(int day, int province, int city, Long ad) {
        @Override
        public int hashCode() {
            return mix(((long) province << 32) | city, day, ad);
        }
    }

    private record ProvinceAd(int day, int province, Long ad) {
        @Override
        public int hashCode() {
            return mix(province, day, ad);
        }
    }

    private static int mix(long a, int b, Long c) {
        long h = (a * 0x9E3779B97F4A7C15L + b) * 0xC2B2AE3D27D4EB4FL + (c == null ? 0x165667B19E3779F9L : c);
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private record MinuteAd(String minute, Long ad) {
    }

    public static AnalysisResult run(AdClickColumns clicks, AdParams params) {
        int[] days = localDays(clicks, params.zone().getRules());
        int[] rank = nameRanks(clicks);
        Map<UserDayAd, long[]> listed = blacklist(clicks, days, params.blacklistThreshold());
        Map<Long, Integer> since = new HashMap<>();
        listed.keySet().forEach(k -> since.merge(k.user(), k.day(), Math::min));
        boolean[] kept = kept(clicks, days, since, params.provinces());

        Map<Place, long[]> daily = new HashMap<>();
        for (int i = 0; i < clicks.size(); i++) {
            if (kept[i]) {
                daily.computeIfAbsent(new Place(days[i], clicks.province(i), clicks.city(i), clicks.ad(i)),
                        k -> new long[1])[0]++;
            }
        }
        return new AnalysisResult(AdClickAnalysis.NAME, List.of(
                blacklistTable(listed),
                dailyTable(clicks, daily, rank),
                topTable(clicks, daily, rank),
                minuteTable(clicks, kept, params)));
    }

    /** Each click's local date as an epoch day, as Spark's {@code to_date(from_utc_timestamp(…))} makes it. */
    private static int[] localDays(AdClickColumns clicks, ZoneRules zone) {
        int[] days = new int[clicks.size()];
        for (int i = 0; i < days.length; i++) {
            long millis = clicks.timestamp(i);
            long local = millis + zone.getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
            days[i] = (int) Math.floorDiv(local, 86_400_000L);
        }
        return days;
    }

    /** Each province and city code's place in Spark's order of the names (null first). */
    private static int[] nameRanks(AdClickColumns clicks) {
        Integer[] codes = new Integer[clicks.names()];
        Arrays.setAll(codes, c -> c);
        Arrays.sort(codes, Comparator.comparing(clicks::name, Text.NULLS_FIRST));
        int[] rank = new int[codes.length];
        for (int r = 0; r < codes.length; r++) {
            rank[codes[r]] = r;
        }
        return rank;
    }

    /**
     * The (user, date, ad) counts at or over the threshold; clicks without a user are never counted.
     * Only users with that many clicks in all can reach it: counting every (user, date, ad) of a
     * million clicks was a map of a million keys per request, most of the ads analysis' time.
     */
    private static Map<UserDayAd, long[]> blacklist(AdClickColumns clicks, int[] days, int threshold) {
        Map<Long, int[]> perUser = new HashMap<>();
        for (int i = 0; i < clicks.size(); i++) {
            if (clicks.hasUser(i)) {
                perUser.computeIfAbsent(clicks.user(i), k -> new int[1])[0]++;
            }
        }
        perUser.values().removeIf(n -> n[0] < threshold);
        Map<UserDayAd, long[]> counts = new HashMap<>();
        for (int i = 0; i < clicks.size(); i++) {
            if (clicks.hasUser(i) && perUser.containsKey(clicks.user(i))) {
                counts.computeIfAbsent(new UserDayAd(clicks.user(i), days[i], clicks.ad(i)), k -> new long[1])[0]++;
            }
        }
        counts.values().removeIf(n -> n[0] < threshold);
        return counts;
    }

    /** The clicks counted: not by a user blacklisted on or before their date, and of the provinces asked for. */
    private static boolean[] kept(AdClickColumns clicks, int[] days, Map<Long, Integer> since,
                                  List<String> provinces) {
        Set<String> wanted = new HashSet<>(provinces);
        boolean[] province = new boolean[clicks.names()];
        for (int code = 1; code < province.length; code++) {
            province[code] = wanted.isEmpty() || wanted.contains(clicks.name(code));
        }
        // A click without a province is counted only when no province is asked for (Spark's isin is null on it).
        province[0] = wanted.isEmpty();
        boolean[] kept = new boolean[clicks.size()];
        for (int i = 0; i < kept.length; i++) {
            Integer from = clicks.hasUser(i) ? since.get(clicks.user(i)) : null;
            kept[i] = province[clicks.province(i)] && (from == null || days[i] < from);
        }
        return kept;
    }

    private static ResultTable blacklistTable(Map<UserDayAd, long[]> listed) {
        List<Map.Entry<UserDayAd, long[]>> entries = new ArrayList<>(listed.entrySet());
        entries.sort(Map.Entry.comparingByKey(Comparator.comparingLong(UserDayAd::user)
                .thenComparingInt(UserDayAd::day).thenComparing(UserDayAd::ad, ID)));
        List<List<Object>> rows = new ArrayList<>(entries.size());
        for (Map.Entry<UserDayAd, long[]> e : entries) {
            UserDayAd k = e.getKey();
            rows.add(ResultTable.row(k.user(), LocalDate.ofEpochDay(k.day()), k.ad(), e.getValue()[0]));
        }
        return new ResultTable(AdClickAnalysis.BLACKLIST, AdClickAnalysis.BLACKLIST_COLUMNS,
                Collections.unmodifiableList(rows));
    }

    private static ResultTable dailyTable(AdClickColumns clicks, Map<Place, long[]> daily, int[] rank) {
        List<Map.Entry<Place, long[]>> entries = new ArrayList<>(daily.entrySet());
        entries.sort(Map.Entry.comparingByKey(Comparator.comparingInt(Place::day)
                .thenComparingInt(p -> rank[p.province()]).thenComparingInt(p -> rank[p.city()])
                .thenComparing(Place::ad, ID)));
        List<List<Object>> rows = new ArrayList<>(entries.size());
        for (Map.Entry<Place, long[]> e : entries) {
            Place p = e.getKey();
            rows.add(ResultTable.row(LocalDate.ofEpochDay(p.day()), clicks.name(p.province()), clicks.name(p.city()), p.ad(),
                    e.getValue()[0]));
        }
        return new ResultTable(AdClickAnalysis.DAILY_CLICKS, AdClickAnalysis.DAILY_CLICKS_COLUMNS,
                Collections.unmodifiableList(rows));
    }

    /** Per date and province, the ads with most clicks summed over cities, ties by ad_id (null first). */
    private static ResultTable topTable(AdClickColumns clicks, Map<Place, long[]> daily, int[] rank) {
        Map<ProvinceAd, long[]> sums = new HashMap<>();
        daily.forEach((p, n) -> sums.computeIfAbsent(new ProvinceAd(p.day(), p.province(), p.ad()),
                k -> new long[1])[0] += n[0]);
        List<Map.Entry<ProvinceAd, long[]>> entries = new ArrayList<>(sums.entrySet());
        entries.sort(Comparator.<Map.Entry<ProvinceAd, long[]>>comparingInt(e -> e.getKey().day())
                .thenComparingInt(e -> rank[e.getKey().province()])
                .thenComparing(e -> -e.getValue()[0])
                .thenComparing(e -> e.getKey().ad(), ID));
        List<List<Object>> rows = new ArrayList<>();
        long place = 0;
        ProvinceAd previous = null;
        for (Map.Entry<ProvinceAd, long[]> e : entries) {
            ProvinceAd k = e.getKey();
            boolean same = previous != null && previous.day() == k.day() && previous.province() == k.province();
            place = same ? place + 1 : 1;
            previous = k;
            if (place <= AdClickAnalysis.TOP_ADS_PER_PROVINCE) {
                rows.add(ResultTable.row(LocalDate.ofEpochDay(k.day()), clicks.name(k.province()), place, k.ad(),
                        e.getValue()[0]));
            }
        }
        return new ResultTable(AdClickAnalysis.TOP_ADS, AdClickAnalysis.TOP_ADS_COLUMNS,
                Collections.unmodifiableList(rows));
    }

    /**
     * The kept clicks per local minute and ad for the hour ending at the latest click of all
     * ({@link AdClickRules#minuteTrend}): minutes cut on epoch millis, grouped by their local text.
     */
    private static ResultTable minuteTable(AdClickColumns clicks, boolean[] kept, AdParams params) {
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < clicks.size(); i++) {
            latest = Math.max(latest, clicks.timestamp(i));
        }
        long hourBefore = latest - AdClickRules.HOUR_MILLIS;
        ZoneRules zone = params.zone().getRules();
        Map<MinuteAd, long[]> counts = new HashMap<>();
        for (int i = 0; i < clicks.size(); i++) {
            long millis = clicks.timestamp(i);
            long start = millis - Math.floorMod(millis, AdClickRules.MINUTE_MILLIS);
            if (kept[i] && start > hourBefore && start <= latest) {
                ZoneOffset offset = zone.getOffset(Instant.ofEpochMilli(millis));
                String minute = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), offset).format(MINUTE);
                counts.computeIfAbsent(new MinuteAd(minute, clicks.ad(i)), k -> new long[1])[0]++;
            }
        }
        List<Map.Entry<MinuteAd, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.comparingByKey(Comparator.comparing(MinuteAd::minute, Text.ORDER)
                .thenComparing(MinuteAd::ad, ID)));
        List<List<Object>> rows = new ArrayList<>(entries.size());
        entries.forEach(e -> rows.add(ResultTable.row(e.getKey().minute(), e.getKey().ad(), e.getValue()[0])));
        return new ResultTable(AdClickAnalysis.MINUTE_TREND, AdClickAnalysis.MINUTE_TREND_COLUMNS,
                Collections.unmodifiableList(rows));
    }

}
