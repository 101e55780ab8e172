package io.shoplens.engine.funnel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;

/**
 * The funnel's facts as counted by Spark ({@link FunnelFacts}) or in memory ({@code
 * MemoryFunnelAnalysis}), in plain Java: everything the tables need, a few thousand numbers at
 * most, plus the ids of the units that dropped off. Public so the in-memory form counts into the
 * same record and gets its tables from the same code ({@link FunnelAnalysis#tablesOf}).
 *
 * @param steps   the number of steps n
 * @param levels  units per level (1..n) and breakdown value (null without a breakdown)
 * @param times   per step (2..n), units per time to convert into it, in seconds
 * @param signals per signal, units with it that did not ({@code [0]}) and did ({@code [1]}) reach step n
 * @param drops   the units that reached a level k < n
 */
public record FunnelCounts(int steps, Map<String, long[]> levels, Map<Integer, TreeMap<Long, Long>> times,
                    Map<String, long[]> signals, List<Drop> drops) {

    /** A unit that reached {@code level} steps of n: a session id (text) or a user id (number). */
    public record Drop(int level, Object unitId) {
    }

    /** A breakdown value read from an action the attempt does not have, or a keyword of an action that is no search. */
    public static final String NO_VALUE = "(none)";

    /** The signal of a page seen before the attempt's last matched step. */
    public static String pageSignal(long pageId) {
        return "page:" + pageId;
    }

    /** The signal of a keyword searched before the attempt's last matched step. */
    public static String keywordSignal(String keyword) {
        return "searched:" + keyword;
    }

    /** The signal of a category clicked before the attempt's last matched step. */
    public static String categorySignal(long categoryId) {
        return "clicked_category:" + categoryId;
    }

    static FunnelCounts of(List<Row> facts, FunnelParams params) {
        int n = params.steps().size();
        Map<String, long[]> levels = new HashMap<>();
        Map<Integer, TreeMap<Long, Long>> times = new HashMap<>();
        Map<String, long[]> signals = new HashMap<>();
        List<Drop> drops = new ArrayList<>();
        for (Row fact : facts) {
            if (fact.isNullAt(0)) {
                continue; // the facts units did not have
            }
            String kind = fact.getString(0);
            int step = fact.getInt(1);
            String text = fact.isNullAt(2) ? null : fact.getString(2);
            Long number = fact.isNullAt(3) ? null : fact.getLong(3);
            long units = fact.getLong(4);
            switch (kind) {
                case FunnelFacts.LEVEL -> levels.computeIfAbsent(text, v -> new long[n + 1])[step] += units;
                case FunnelFacts.TIME -> times.computeIfAbsent(step, s -> new TreeMap<>()).merge(number, units, Long::sum);
                case FunnelFacts.SIGNAL -> signals.computeIfAbsent(text, s -> new long[2])[step] += units;
                case FunnelFacts.PAGE_SIGNAL -> signals.computeIfAbsent(pageSignal(number), s -> new long[2])[step] += units;
                case FunnelFacts.KEYWORD_SIGNAL -> signals.computeIfAbsent(keywordSignal(text), s -> new long[2])[step]
                        += units;
                case FunnelFacts.CATEGORY_SIGNAL -> signals.computeIfAbsent(categorySignal(number),
                        s -> new long[2])[step] += units;
                case FunnelFacts.DROP -> drops.add(new Drop(step, number != null ? number : text));
                default -> throw new IllegalStateException("Unknown funnel fact " + kind);
            }
        }
        return new FunnelCounts(n, levels, times, signals, drops);
    }

    /** Units per level 1..n over every breakdown value (index = level). */
    long[] unitsPerLevel() {
        long[] total = new long[steps + 1];
        for (long[] perLevel : levels.values()) {
            for (int k = 1; k <= steps; k++) {
                total[k] += perLevel[k];
            }
        }
        return total;
    }

    /** Units reaching each step 1..n (index = step) given units per level. */
    static long[] reaching(long[] perLevel) {
        long[] reaching = new long[perLevel.length];
        long sum = 0;
        for (int k = perLevel.length - 1; k >= 1; k--) {
            sum += perLevel[k];
            reaching[k] = sum;
        }
        return reaching;
    }
}
