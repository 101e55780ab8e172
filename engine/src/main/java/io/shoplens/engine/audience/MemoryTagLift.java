package io.shoplens.engine.audience;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.text.Text;

/** {@link TagLift} over the in-memory user tags: tag_lift in its published order. */
final class MemoryTagLift {

    private MemoryTagLift() {
    }

    /**
     * @param seeds by user number, the users of S; a null user (NONE) may be among them when one
     *              hit the target: the Spark form counts it in S but, joining on user_id, never
     *              finds its tags there
     */
    static ResultTable of(MemoryUserTags.Tagged userTags, boolean[] seeds, TagLift.Groups groups,
                          MemoryTarget target, int minUsers) {
        // Counted by the shared tag texts, ordered once at the end.
        Map<String, long[]> counted = new HashMap<>();
        for (int u = 0; u < userTags.users().count(); u++) {
            int group = userTags.userId(u) != MemoryAction.NONE && seeds[u] ? 0 : 1;
            for (int t = userTags.from()[u]; t < userTags.from()[u + 1]; t++) {
                counted.computeIfAbsent(userTags.tags()[t], k -> new long[2])[group]++;
            }
        }
        Map<String, long[]> counts = new TreeMap<>(Text.ORDER);
        counted.forEach((tag, c) -> {
            if (!target.leavesOut(tag)) {
                counts.put(tag, c);
            }
        });
        long all = groups.seeds() + groups.others();
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((tag, c) -> {
            long s = c[0];
            long f = c[1];
            if (s + f < minUsers) {
                return;
            }
            // TagLift's expressions, operation by operation.
            Double lift = groups.seeds() == 0 ? null
                    : (double) s / (double) (s + f) / ((double) groups.seeds() / all);
            double oddsRatio = (double) ((s + 1) * (groups.others() - f + 1))
                    / (double) ((groups.seeds() - s + 1) * (f + 1));
            rows.add(Arrays.asList(tag, s, f, lift, oddsRatio));
        });
        // odds_ratio descending, then tag: the rows are in tag order already and the sort is stable.
        rows.sort(Comparator.comparing((List<Object> r) -> (Double) r.get(4), MemoryTagLift::descending));
        return new ResultTable(TagLift.NAME, TagLift.COLUMNS, rows);
    }

    /** Spark's descending order of doubles: equal when ==, NaN above everything. */
    static int descending(double a, double b) {
        return a == b ? 0 : Double.compare(b, a);
    }
}
