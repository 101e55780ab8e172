package io.shoplens.engine.audience;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.text.Text;

/**
 * The tag tables of {@link AudienceAnalysis#tagTables} (user_tags, tags, tag_lift, lookalikes,
 * lookalike_check) over the in-memory model, value for value the Spark tables. A user id of
 * {@link MemoryAction#NONE} stands for Spark's null user_id: Spark's distinct and group-by keep
 * it as a user of its own, its joins never match it; each step below says which it meets.
 */
final class MemoryTagTables {

    private MemoryTagTables() {
    }

    /**
     * @param sessions the filtered sessions
     * @param actions  {@link MemoryPeriodActions#of} of {@code sessions} and the run's periods
     * @param suspects the ids of the suspect users, tagged {@code suspect}
     */
    static List<ResultTable> of(MemoryModel model, List<MemorySession> sessions, MemoryPeriodActions actions,
                                AudienceParams params, Set<Long> suspects) {
        MemoryUserTags.Tagged userTags = MemoryUserTags.of(model, actions, suspects, params.likeClicks());
        MemoryTarget target = MemoryTarget.of(params.target(), sessions);
        // Spark's distinct user ids: a null user counts once here, in S and F alike.
        int users = actions.users().count();
        boolean[] seeds = new boolean[users];
        boolean[] converters = new boolean[users];
        for (int p = 0; p < actions.pays(); p++) {
            if (target.hitByPay(actions.payCategories(p), actions.payProducts(p))) {
                int a = actions.payAction(p);
                seeds[actions.payUser(p)] |= actions.inBase(a);
                converters[actions.payUser(p)] |= actions.inCurrent(a);
            }
        }
        int baseUsers = 0;
        for (int u = 0; u < users; u++) {
            baseUsers += actions.userInBase(u) ? 1 : 0;
        }
        int seedCount = count(seeds);
        TagLift.Groups groups = new TagLift.Groups(seedCount, baseUsers - seedCount);

        List<ResultTable> tables = new ArrayList<>();
        tables.add(userTagsTable(userTags));
        tables.add(tagCounts(userTags));
        ResultTable lift = MemoryTagLift.of(userTags, seeds, groups, target, params.minUsers());
        tables.add(lift);
        // The anti join keeps a null user: null = null is not a match.
        boolean[] scored = new boolean[users];
        for (int u = 0; u < users; u++) {
            scored[u] = actions.userInBase(u) && (userTags.userId(u) == MemoryAction.NONE || !seeds[u]);
        }
        List<MemoryLookalikes.Ranked> ranked = MemoryLookalikes.ranked(scored, userTags, lift);
        tables.add(MemoryLookalikes.top(ranked, params.lookalikes()));
        tables.add(MemoryLookalikes.check(ranked, converters, params.lookalikes()));
        return tables;
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    private static ResultTable userTagsTable(MemoryUserTags.Tagged userTags) {
        List<List<Object>> rows = new ArrayList<>(userTags.size());
        for (int u = 0; u < userTags.users().count(); u++) {
            Long id = MemoryLookalikes.userId(userTags.userId(u));
            for (int t = userTags.from()[u]; t < userTags.from()[u + 1]; t++) {
                rows.add(Arrays.asList(id, userTags.tags()[t]));
            }
        }
        return new ResultTable(AudienceAnalysis.USER_TAGS, AudienceAnalysis.USER_TAGS_COLUMNS, rows);
    }

    /**
     * AudienceAnalysis.tagCounts: a tag's users are its rows (a null user's among them), the share's
     * whole is countDistinct(user_id), which skips the null user; Spark's double division by zero
     * (ANSI off) is null.
     */
    private static ResultTable tagCounts(MemoryUserTags.Tagged userTags) {
        // The texts are shared per tag, so each hashes once.
        Map<String, long[]> users = new HashMap<>();
        long tagged = 0;
        for (int u = 0; u < userTags.users().count(); u++) {
            int from = userTags.from()[u];
            int to = userTags.from()[u + 1];
            for (int t = from; t < to; t++) {
                users.computeIfAbsent(userTags.tags()[t], k -> new long[1])[0]++;
            }
            if (to > from && userTags.userId(u) != MemoryAction.NONE) {
                tagged++;
            }
        }
        long whole = tagged;
        List<List<Object>> rows = new ArrayList<>();
        users.forEach((tag, n) -> rows.add(Arrays.asList(tag, n[0],
                whole == 0 ? null : (double) n[0] / (double) whole)));
        rows.sort((a, b) -> {
            int byUsers = Long.compare((Long) b.get(1), (Long) a.get(1));
            return byUsers != 0 ? byUsers : Text.compare((String) a.get(0), (String) b.get(0));
        });
        return new ResultTable(AudienceAnalysis.TAGS, AudienceAnalysis.TAGS_COLUMNS, rows);
    }
}
