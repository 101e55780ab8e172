package io.shoplens.engine.ads;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every ad click of the workspace held in this JVM as columns (32 bytes a click), so the ads
 * analysis answers a province or threshold change in plain Java ({@link MemoryAdClickAnalysis})
 * instead of six Spark jobs. Province and city names are kept once each, as codes.
 */
public final class AdClickColumns {

    /** Clicks read per Spark job: the driver never holds more than a piece of Spark's rows. */
    private static final long PIECE = 500_000;

    private final int size;
    private final long[] timestamps;
    private final int[] provinces;
    private final int[] cities;
    private final long[] users;
    private final BitSet noUser;
    private final long[] ads;
    private final BitSet noAd;
    /** The names the codes stand for; code 0 is null. */
    private final String[] names;

    private AdClickColumns(Builder b) {
        size = b.size;
        timestamps = Arrays.copyOf(b.timestamps, size);
        provinces = Arrays.copyOf(b.provinces, size);
        cities = Arrays.copyOf(b.cities, size);
        users = Arrays.copyOf(b.users, size);
        ads = Arrays.copyOf(b.ads, size);
        noUser = b.noUser;
        noAd = b.noAd;
        names = b.names.toArray(String[]::new);
    }

    /**
     * The clicks of {@code adClicks} (the workspace's ad_click table), or empty when there are more
     * than {@code maxClicks} or one has no timestamp: the ads analysis then runs on Spark.
     *
     * @param clicks how many rows the table holds, if known (the workspace's catalog does); it
     *               only sets how many Spark jobs read them, -1 reads them in one
     */
    public static Optional<AdClickColumns> read(Dataset<Row> adClicks, long clicks, long maxClicks) {
        if (clicks > maxClicks) {
            return Optional.empty();
        }
        int pieces = (int) Math.max(1, Math.min(1_000, (clicks + PIECE - 1) / PIECE));
        Iterator<Row> rows = adClicks.select("timestamp", "province", "city", "user_id", "ad_id")
                .coalesce(pieces).toLocalIterator();
        Builder b = new Builder();
        while (rows.hasNext()) {
            Row r = rows.next();
            if (r.isNullAt(0) || b.size >= maxClicks) {
                return Optional.empty();
            }
            b.add(r.getLong(0), r.getString(1), r.getString(2), r.isNullAt(3) ? null : r.getLong(3),
                    r.isNullAt(4) ? null : r.getLong(4));
        }
        return Optional.of(new AdClickColumns(b));
    }

    /** Clicks given one by one, in the order of the table (the import's, before Spark reads it back). */
    public static final class Builder {
        private int size;
        private long[] timestamps = new long[1024];
        private int[] provinces = new int[1024];
        private int[] cities = new int[1024];
        private long[] users = new long[1024];
        private long[] ads = new long[1024];
        private final BitSet noUser = new BitSet();
        private final BitSet noAd = new BitSet();
        private final List<String> names = new ArrayList<>(Collections.singletonList(null));
        private final Map<String, Integer> codes = new HashMap<>();

        /** Adds a click, its fields in the ad_click table's order. */
        public void add(long timestamp, String province, String city, Long userId, Long adId) {
            if (size == timestamps.length) {
                int grown = size + (size >> 1);
                timestamps = Arrays.copyOf(timestamps, grown);
                provinces = Arrays.copyOf(provinces, grown);
                cities = Arrays.copyOf(cities, grown);
                users = Arrays.copyOf(users, grown);
                ads = Arrays.copyOf(ads, grown);
            }
            timestamps[size] = timestamp;
            provinces[size] = code(province);
            cities[size] = code(city);
            if (userId == null) {
                noUser.set(size);
            } else {
                users[size] = userId;
            }
            if (adId == null) {
                noAd.set(size);
            } else {
                ads[size] = adId;
            }
            size++;
        }

        /** The clicks added so far. */
        public int size() {
            return size;
        }

        public AdClickColumns build() {
            return new AdClickColumns(this);
        }

        private int code(String name) {
            if (name == null) {
                return 0;
            }
            return codes.computeIfAbsent(name, n -> {
                names.add(n);
                return names.size() - 1;
            });
        }
    }

    public int size() {
        return size;
    }

    long timestamp(int click) {
        return timestamps[click];
    }

    /** The click's province code: equal codes, equal names; 0 is no province. */
    int province(int click) {
        return provinces[click];
    }

    int city(int click) {
        return cities[click];
    }

    /** The name of a province or city code, null for 0. */
    String name(int code) {
        return names[code];
    }

    /** How many names there are, codes 0 (null) to this minus one. */
    int names() {
        return names.length;
    }

    boolean hasUser(int click) {
        return !noUser.get(click);
    }

    long user(int click) {
        return users[click];
    }

    Long ad(int click) {
        return noAd.get(click) ? null : ads[click];
    }
}
