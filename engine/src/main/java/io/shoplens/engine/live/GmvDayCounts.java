package io.shoplens.engine.live;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The sums of one day's sessions that the live tables read, kept up to date by adding a session's
 * contribution and taking its old one away ({@link #add}): per channel, per minute of the first
 * action, the page flow's jumps, views and reach, and each session start and pay at its own time,
 * so the day can be cut at any time of day ({@link #through}) to compare with the same hours of
 * another day.
 */
final class GmvDayCounts {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** sessions, orders, GMV in millionths, orders without amount. */
    static final class Sums {
        long sessions;
        long orders;
        long gmvMicros;
        long withoutAmount;

        void add(long sign, long sessions, long orders, long gmvMicros, long withoutAmount) {
            this.sessions += sign * sessions;
            this.orders += sign * orders;
            this.gmvMicros = Math.addExact(this.gmvMicros, sign * gmvMicros);
            this.withoutAmount += sign * withoutAmount;
        }

        boolean isEmpty() {
            return sessions == 0 && orders == 0 && gmvMicros == 0 && withoutAmount == 0;
        }
    }

    final Map<String, Sums> channels = new HashMap<>();
    final NavigableMap<String, Sums> minutes = new TreeMap<>();
    final long[] jumps;
    long views;
    /** sessionsReaching[k]: sessions whose path visits the first k + 1 pages of the flow in order. */
    final long[] sessionsReaching;
    /** Per time and channel: session starts and pays then (sessions, orders, GMV). */
    private final NavigableMap<LocalDateTime, Map<String, Sums>> events = new TreeMap<>();

    GmvDayCounts(int flowPages) {
        jumps = new long[Math.max(0, flowPages - 1)];
        sessionsReaching = new long[flowPages];
    }

    /** Adds ({@code sign} 1) or takes away ({@code sign} -1) one session's contribution. */
    void add(GmvSessionPath.Counted c, long sign) {
        long gmv = c.gmvMicros();
        long without = c.withoutAmount();
        sums(channels, c.channel()).add(sign, 1, c.orders(), gmv, without);
        sums(minutes, MINUTE.format(c.start())).add(sign, 1, c.orders(), gmv, without);
        for (int s = 0; s < jumps.length; s++) {
            jumps[s] += sign * c.jumps()[s];
        }
        views += sign * c.views();
        for (int k = 0; k < c.reached(); k++) {
            sessionsReaching[k] += sign;
        }
        event(c.start(), c.channel()).add(sign, 1, 0, 0, 0);
        for (GmvSessionPath.Pay p : c.pays()) {
            event(p.time(), c.channel()).add(sign, 0, 1, p.amountMicros() == null ? 0 : p.amountMicros(),
                    p.amountMicros() == null ? 1 : 0);
        }
        channels.values().removeIf(Sums::isEmpty);
        minutes.values().removeIf(Sums::isEmpty);
    }

    /**
     * Per channel, the day's sessions that started by {@code time} and their pays by then: what the
     * batch analysis makes of the day's actions up to that time.
     */
    Map<String, Sums> through(LocalDateTime time) {
        Map<String, Sums> cut = new HashMap<>();
        for (Map<String, Sums> at : events.headMap(time, true).values()) {
            at.forEach((channel, s) -> sums(cut, channel).add(1, s.sessions, s.orders, s.gmvMicros, s.withoutAmount));
        }
        cut.values().removeIf(Sums::isEmpty);
        return cut;
    }

    private Sums event(LocalDateTime time, String channel) {
        return sums(events.computeIfAbsent(time, t -> new HashMap<>()), channel);
    }

    private static Sums sums(Map<String, Sums> map, String key) {
        return map.computeIfAbsent(key, k -> new Sums());
    }
}
