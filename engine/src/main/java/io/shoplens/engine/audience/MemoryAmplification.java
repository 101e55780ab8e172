package io.shoplens.engine.audience;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.text.Text;

/** {@link Amplification}'s rows over in-memory sessions, sorted by cohort and week as the table is. */
final class MemoryAmplification {

    private MemoryAmplification() {
    }

    private record Cell(String cohort, long week) {
    }

    /** The rows of {@code users}' sessions, a user at a time so each cell counts its users without a set per cell. */
    static List<List<Object>> rows(AudienceUsers users, List<String> paidChannels) {
        Set<String> paid = new HashSet<>(paidChannels);
        // cell -> {users, paid sessions, free sessions, free GMV micros}
        Map<Cell, long[]> sums = new TreeMap<>(Comparator.comparing(Cell::cohort).thenComparingLong(Cell::week));
        Set<Cell> cellsOfUser = new HashSet<>();
        for (int u = 0; u < users.count(); u++) {
            if (users.id(u) == MemoryAction.NONE) {
                continue;
            }
            MemorySession f = null;
            for (int k = 0; k < users.sessionCount(u); k++) {
                MemorySession s = users.sessions().get(users.session(u, k));
                if (f == null || earlier(s, f)) {
                    f = s;
                }
            }
            String cohort = isPaid(f, paid) ? Amplification.PAID_ACQUIRED : Amplification.FREE_ACQUIRED;
            cellsOfUser.clear();
            for (int k = 0; k < users.sessionCount(u); k++) {
                MemorySession s = users.sessions().get(users.session(u, k));
                Cell cell = new Cell(cohort, Math.floorDiv(s.firstDate() - f.firstDate(), 7));
                long[] v = sums.computeIfAbsent(cell, c -> new long[4]);
                if (cellsOfUser.add(cell)) {
                    v[0]++;
                }
                if (isPaid(s, paid)) {
                    v[1]++;
                } else {
                    v[2]++;
                    v[3] = Math.addExact(v[3], s.gmvMicros());
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>(sums.size());
        sums.forEach((cell, v) -> rows.add(Arrays.asList(cell.cohort(), cell.week(), v[0], v[1], v[2],
                (double) v[2] / (double) (v[1] + v[2]),
                BigDecimal.valueOf(v[3], MemoryModel.MONEY_SCALE).doubleValue())));
        return rows;
    }

    /** The first session: earliest start, then session_id as Spark orders text (code points). */
    private static boolean earlier(MemorySession a, MemorySession b) {
        return a.start() < b.start() || a.start() == b.start() && Text.compare(a.sessionId(), b.sessionId()) < 0;
    }

    /** An unknown channel is free. */
    private static boolean isPaid(MemorySession s, Set<String> paid) {
        return s.channel() != null && paid.contains(s.channel());
    }
}
