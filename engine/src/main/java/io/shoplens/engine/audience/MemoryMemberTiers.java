package io.shoplens.engine.audience;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shoplens.engine.memory.ActionRows;
import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;

/**
 * {@link MemberTiers} over in-memory sessions: the rfm and tier_moves rows as the Spark form gives
 * them, quintiles by Spark's {@code ntile} (the first {@code n % 5} tiles one row larger).
 */
final class MemoryMemberTiers {

    private static final int TILES = 5;

    private MemoryMemberTiers() {
    }

    /** One pay action of a session with a user: epoch day and amount in millionths ({@link MemoryAction#NONE} when unknown). */
    record Pay(long userId, int date, long amountMicros) {
    }

    /** A paying user's RFM as of a date. */
    record Member(long userId, long recencyDays, long frequency, long monetaryMicros, int r, int f, int m,
                  String segment) {

        List<Object> row() {
            return Arrays.asList(userId, recencyDays, frequency,
                    BigDecimal.valueOf(monetaryMicros, MemoryModel.MONEY_SCALE).doubleValue(), (long) r, (long) f,
                    (long) m, segment);
        }
    }

    static List<Pay> pays(List<MemorySession> sessions) {
        List<Pay> pays = new ArrayList<>();
        for (MemorySession s : sessions) {
            // orders counts the session's pays: most sessions have none to look for.
            if (s.userId() == MemoryAction.NONE || s.orders() == 0) {
                continue;
            }
            ActionRows actions = s.actions();
            for (int i = 0; i < actions.size(); i++) {
                if (actions.isPay(i)) {
                    pays.add(new Pay(s.userId(), actions.date(i), actions.amountMicros(i)));
                }
            }
        }
        return pays;
    }

    /** The users with a pay on or before {@code asOf} (epoch day), sorted by user_id. */
    static List<Member> rfm(List<Pay> pays, int asOf) {
        // user -> {last pay day, pays, micros}
        Map<Long, long[]> perUser = new HashMap<>();
        for (Pay p : pays) {
            if (p.date() > asOf) {
                continue;
            }
            long[] u = perUser.computeIfAbsent(p.userId(), k -> new long[] {Long.MIN_VALUE, 0, 0});
            u[0] = Math.max(u[0], p.date());
            u[1]++;
            if (p.amountMicros() != MemoryAction.NONE) {
                u[2] = Math.addExact(u[2], p.amountMicros());
            }
        }
        // Users by id, their values beside them: the tiles' sorts compare arrays, not map lookups.
        long[] users = perUser.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int n = users.length;
        long[] recency = new long[n];
        long[] frequency = new long[n];
        long[] monetary = new long[n];
        for (int i = 0; i < n; i++) {
            long[] v = perUser.get(users[i]);
            recency[i] = asOf - v[0];
            frequency[i] = v[1];
            monetary[i] = v[2];
        }
        // Users are in id order, so the index breaks ties as the user id does.
        int[] r = tiles(n, Comparator.<Integer>comparingLong(i -> recency[i]).reversed()
                .thenComparingInt(i -> i));
        int[] f = tiles(n, Comparator.<Integer>comparingLong(i -> frequency[i]).thenComparingInt(i -> i));
        int[] m = tiles(n, Comparator.<Integer>comparingLong(i -> monetary[i]).thenComparingInt(i -> i));
        List<Member> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            members.add(new Member(users[i], recency[i], frequency[i], monetary[i], r[i], f[i], m[i],
                    MemberTiers.segmentOf(r[i], f[i])));
        }
        return members;
    }

    /** Spark's {@code ntile(5)} of the users {@code 0..n-1} in {@code order}, by user. */
    private static int[] tiles(int n, Comparator<Integer> order) {
        Integer[] sorted = new Integer[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = i;
        }
        Arrays.sort(sorted, order);
        int size = n / TILES;
        int larger = n % TILES;
        int[] tiles = new int[n];
        for (int i = 0; i < n; i++) {
            int tile = i < larger * (size + 1) ? i / (size + 1) : larger + (i - larger * (size + 1)) / size;
            tiles[sorted[i]] = tile + 1;
        }
        return tiles;
    }

    /**
     * tier_moves' rows: every user of {@code users} (the null user aside) by segment as of {@code baseEnd} and
     * {@code currentEnd} (epoch days), sorted in grid order, {@code none} last.
     */
    static List<List<Object>> tierMoves(AudienceUsers users, List<Pay> pays, int baseEnd, int currentEnd) {
        Map<Long, String> before = segments(rfm(pays, baseEnd));
        Map<Long, String> after = segments(rfm(pays, currentEnd));
        Map<List<String>, Long> moves = new HashMap<>();
        for (int n = 0; n < users.count(); n++) {
            long u = users.id(n);
            if (u != MemoryAction.NONE) {
                moves.merge(List.of(before.getOrDefault(u, MemberTiers.NONE),
                        after.getOrDefault(u, MemberTiers.NONE)), 1L, Long::sum);
            }
        }
        List<String> grid = new ArrayList<>(MemberTiers.SEGMENTS);
        grid.add(MemberTiers.NONE);
        List<List<Object>> rows = new ArrayList<>();
        moves.entrySet().stream()
                .sorted(Comparator.<Map.Entry<List<String>, Long>>comparingInt(e -> grid.indexOf(e.getKey().get(0)))
                        .thenComparingInt(e -> grid.indexOf(e.getKey().get(1))))
                .forEach(e -> rows.add(Arrays.asList(e.getKey().get(0), e.getKey().get(1), e.getValue())));
        return rows;
    }

    private static Map<Long, String> segments(List<Member> members) {
        Map<Long, String> segments = new HashMap<>();
        members.forEach(m -> segments.put(m.userId(), m.segment()));
        return segments;
    }
}
