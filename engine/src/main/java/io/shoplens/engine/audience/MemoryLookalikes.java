package io.shoplens.engine.audience;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.memory.MemoryAction;

/** {@link Lookalikes} over the in-memory user tags: lookalikes and lookalike_check. */
final class MemoryLookalikes {

    /** A scored user with its rank; {@code userId} NONE is a null user_id, {@code user} its number. */
    record Ranked(long rank, int user, long userId, double score, String matchedTags) {
    }

    private MemoryLookalikes() {
    }

    /**
     * Lookalikes.ranked: the score sums StrictMath.log (Spark's ln) of the published odds ratios
     * from 0.0 in tag order, as Spark's aggregate over the sorted array does, so the bits are the
     * same; a null user matches none of its tags in the Spark join and scores 0.
     *
     * @param scored   by user number, the base users who did not hit the target (a null user
     *                 always among them when active: Spark's anti join never matches null)
     * @param userTags each user's tags in tag order
     * @param lift     tag_lift as published
     */
    static List<Ranked> ranked(boolean[] scored, MemoryUserTags.Tagged userTags, ResultTable lift) {
        Map<String, Double> weights = new HashMap<>();
        for (List<Object> row : lift.rows()) {
            double oddsRatio = (Double) row.get(lift.columnIndex("odds_ratio"));
            if (oddsRatio > 1.0) {
                weights.put((String) row.get(lift.columnIndex("tag")), StrictMath.log(oddsRatio));
            }
        }
        List<Ranked> unranked = new ArrayList<>();
        for (int u = 0; u < scored.length; u++) {
            if (!scored[u]) {
                continue;
            }
            double score = 0.0;
            StringBuilder tags = null;
            if (userTags.userId(u) != MemoryAction.NONE) {
                for (int t = userTags.from()[u]; t < userTags.from()[u + 1]; t++) {
                    Double weight = weights.get(userTags.tags()[t]);
                    if (weight == null) {
                        continue;
                    }
                    score += weight;
                    tags = tags == null ? new StringBuilder(userTags.tags()[t])
                            : tags.append(';').append(userTags.tags()[t]);
                }
            }
            unranked.add(new Ranked(0, u, userTags.userId(u), score, tags == null ? "" : tags.toString()));
        }
        // score descending, then user_id ascending with null (NONE, the smallest long) first.
        unranked.sort((a, b) -> {
            int byScore = MemoryTagLift.descending(a.score(), b.score());
            return byScore != 0 ? byScore : Long.compare(a.userId(), b.userId());
        });
        List<Ranked> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            Ranked r = unranked.get(i);
            ranked.add(new Ranked(i + 1, r.user(), r.userId(), r.score(), r.matchedTags()));
        }
        return ranked;
    }

    /** lookalikes: the first {@code top}. */
    static ResultTable top(List<Ranked> ranked, int top) {
        List<List<Object>> rows = new ArrayList<>();
        for (Ranked r : ranked) {
            if (r.rank() <= top) {
                rows.add(Arrays.asList(r.rank(), userId(r.userId()), r.score(), r.matchedTags()));
            }
        }
        return new ResultTable(Lookalikes.NAME, Lookalikes.COLUMNS, rows);
    }

    /** lookalike_check: both rows always; a null user never converts (the Spark join). */
    /** @param converters by user number, the users who hit the target in the current period */
    static ResultTable check(List<Ranked> ranked, boolean[] converters, int top) {
        long[] users = new long[2];
        long[] converted = new long[2];
        for (Ranked r : ranked) {
            int group = r.rank() <= top ? 0 : 1;
            users[group]++;
            if (r.userId() != MemoryAction.NONE && converters[r.user()]) {
                converted[group]++;
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(checkRow(Lookalikes.LOOKALIKES, users[0], converted[0]));
        rows.add(checkRow(Lookalikes.OTHERS, users[1], converted[1]));
        return new ResultTable(Lookalikes.CHECK, Lookalikes.CHECK_COLUMNS, rows);
    }

    private static List<Object> checkRow(String group, long users, long converted) {
        return Arrays.asList(group, users, converted, users > 0 ? (double) converted / (double) users : null);
    }

    static Long userId(long id) {
        return id == MemoryAction.NONE ? null : id;
    }
}
