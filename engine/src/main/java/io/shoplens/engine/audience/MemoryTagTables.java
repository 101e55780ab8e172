package io.shoplens.engine.audience;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
    static List<ResultTable> of(MemoryModel model, List<MemorySession> sessions,
                                List<MemoryPeriodActions.PeriodAction> actions, AudienceParams params,
                                Set<Long> suspects) {
        List<MemoryUserTags.UserTag> userTags = MemoryUserTags.of(model, sessions, actions, suspects,
                params.likeClicks());
        MemoryTarget target = MemoryTarget.of(params.target(), sessions);
        // Spark's distinct user ids: a null user counts once here, in S and F alike.
        Set<Long> baseUsers = new LinkedHashSet<>();
        Set<Long> seeds = new HashSet<>();
        Set<Long> converters = new HashSet<>();
        for (MemoryPeriodActions.PeriodAction a : actions) {
            if (a.inBase()) {
                baseUsers.add(a.userId());
            }
            if (a.inBase() && target.hitBy(a)) {
                seeds.add(a.userId());
            }
            if (a.inCurrent() && target.hitBy(a)) {
                converters.add(a.userId());
            }
        }
        TagLift.Groups groups = new TagLift.Groups(seeds.size(), baseUsers.size() - seeds.size());

        List<ResultTable> tables = new ArrayList<>();
        tables.add(userTagsTable(userTags));
        tables.add(tagCounts(userTags));
        ResultTable lift = MemoryTagLift.of(userTags, seeds, groups, target, params.minUsers());
        tables.add(lift);
        // The anti join keeps a null user: null = null is not a match.
        Set<Long> scored = new HashSet<>();
        for (long user : baseUsers) {
            if (user == MemoryAction.NONE || !seeds.contains(user)) {
                scored.add(user);
            }
        }
        List<MemoryLookalikes.Ranked> ranked = MemoryLookalikes.ranked(scored, userTags, lift);
        tables.add(MemoryLookalikes.top(ranked, params.lookalikes()));
        tables.add(MemoryLookalikes.check(ranked, converters, params.lookalikes()));
        return tables;
    }

    private static ResultTable userTagsTable(List<MemoryUserTags.UserTag> userTags) {
        List<List<Object>> rows = new ArrayList<>(userTags.size());
        for (MemoryUserTags.UserTag t : userTags) {
            rows.add(Arrays.asList(MemoryLookalikes.userId(t.userId()), t.tag()));
        }
        return new ResultTable(AudienceAnalysis.USER_TAGS, AudienceAnalysis.USER_TAGS_COLUMNS, rows);
    }

    /**
     * AudienceAnalysis.tagCounts: a tag's users are its rows (a null user's among them), the share's
     * whole is countDistinct(user_id), which skips the null user; Spark's double division by zero
     * (ANSI off) is null.
     */
    private static ResultTable tagCounts(List<MemoryUserTags.UserTag> userTags) {
        Map<String, Long> users = new HashMap<>();
        Set<Long> tagged = new HashSet<>();
        for (MemoryUserTags.UserTag t : userTags) {
            users.merge(t.tag(), 1L, Long::sum);
            if (t.userId() != MemoryAction.NONE) {
                tagged.add(t.userId());
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        users.forEach((tag, n) -> rows.add(Arrays.asList(tag, n,
                tagged.isEmpty() ? null : (double) n / (double) tagged.size())));
        rows.sort((a, b) -> {
            int byUsers = Long.compare((Long) b.get(1), (Long) a.get(1));
            return byUsers != 0 ? byUsers : Text.compare((String) a.get(0), (String) b.get(0));
        });
        return new ResultTable(AudienceAnalysis.TAGS, AudienceAnalysis.TAGS_COLUMNS, rows);
    }
}
