package io.shoplens.engine.audience;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;

/** {@link Amplification}'s rows over in-memory sessions, sorted by cohort and week as the table is. */
final class MemoryAmplification {

    private MemoryAmplification() {
    }

    private record Cell(String cohort, long week) {
    }

    static List<List<Object>> rows(List<MemorySession> sessions, List<String> paidChannels) {
        Set<String> paid = new HashSet<>(paidChannels);
        // The first session: earliest start, then session_id as Spark orders text (code points).
        Comparator<MemorySession> earliest = Comparator.comparingLong(MemorySession::start)
                .thenComparing(MemorySession::sessionId, MemoryAmplification::compareText);
        Map<Long, MemorySession> first = new HashMap<>();
        for (MemorySession s : sessions) {
            if (s.userId() != MemoryAction.NONE) {
                first.merge(s.userId(), s, (a, b) -> earliest.compare(a, b) <= 0 ? a : b);
            }
        }
        // cell -> {paid sessions, free sessions, free GMV micros}, and its distinct users
        Map<Cell, long[]> sums = new TreeMap<>(Comparator.comparing(Cell::cohort).thenComparingLong(Cell::week));
        Map<Cell, Set<Long>> users = new HashMap<>();
        for (MemorySession s : sessions) {
            if (s.userId() == MemoryAction.NONE) {
                continue;
            }
            MemorySession f = first.get(s.userId());
            String cohort = isPaid(f, paid) ? Amplification.PAID_ACQUIRED : Amplification.FREE_ACQUIRED;
            Cell cell = new Cell(cohort, Math.floorDiv(s.firstDate() - f.firstDate(), 7));
            long[] v = sums.computeIfAbsent(cell, c -> new long[3]);
            users.computeIfAbsent(cell, c -> new HashSet<>()).add(s.userId());
            if (isPaid(s, paid)) {
                v[0]++;
            } else {
                v[1]++;
                v[2] = Math.addExact(v[2], s.gmvMicros());
            }
        }
        List<List<Object>> rows = new ArrayList<>(sums.size());
        sums.forEach((cell, v) -> rows.add(Arrays.asList(cell.cohort(), cell.week(), (long) users.get(cell).size(),
                v[0], v[1], (double) v[1] / (double) (v[0] + v[1]),
                BigDecimal.valueOf(v[2], MemoryModel.MONEY_SCALE).doubleValue())));
        return rows;
    }

    /** An unknown channel is free. */
    private static boolean isPaid(MemorySession s, Set<String> paid) {
        return s.channel() != null && paid.contains(s.channel());
    }

    private static int compareText(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }
}
