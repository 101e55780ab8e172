package io.shoplens.engine.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.shoplens.engine.funnel.FunnelUnit;

/**
 * One unit of an in-memory funnel, as {@code FunnelUnits} makes it on Spark: its id (the session
 * id, or the user id as a {@code Long}), its path of actions in order and its user's attributes.
 */
record FunnelPath(Object unitId, ActionRows actions, String sex, String professional, Integer age) {

    /**
     * Gives each unit of {@code sessions} to {@code each}: each session, or each user over all their
     * sessions, users in the order their first session comes. One at a time, so a user funnel never
     * holds every user's merged path at once.
     */
    static void forEach(List<MemorySession> sessions, FunnelUnit unit, Consumer<FunnelPath> each) {
        if (unit == FunnelUnit.SESSION) {
            for (MemorySession s : sessions) {
                each.accept(new FunnelPath(s.sessionId(), s.actions(), s.sex(), s.professional(), s.age()));
            }
            return;
        }
        // The sessions grouped by user, users numbered as first seen (a LinkedHashMap<Long, List>
        // boxed every user id): a counting sort of the sessions by their user's number.
        // A session without a user belongs to no one: it is no unit of a user funnel.
        LongSlots users = new LongSlots();
        int[] userOf = new int[sessions.size()];
        for (int i = 0; i < userOf.length; i++) {
            long user = sessions.get(i).userId();
            userOf[i] = user == MemoryAction.NONE ? -1 : users.slotOf(user);
        }
        int[] start = new int[users.size() + 1];
        for (int u : userOf) {
            if (u >= 0) {
                start[u + 1]++;
            }
        }
        for (int u = 0; u < users.size(); u++) {
            start[u + 1] += start[u];
        }
        int[] grouped = new int[start[users.size()]];
        int[] filled = start.clone();
        for (int i = 0; i < userOf.length; i++) {
            if (userOf[i] >= 0) {
                grouped[filled[userOf[i]]++] = i;
            }
        }
        for (int u = 0; u < users.size(); u++) {
            List<ActionRows> own = new ArrayList<>(start[u + 1] - start[u]);
            for (int g = start[u]; g < start[u + 1]; g++) {
                own.add(sessions.get(grouped[g]).actions());
            }
            ActionRows actions = ActionRows.inSparkOrder(own);
            // Every session of a user is joined with the same user_info row, so any one gives its values.
            MemorySession first = sessions.get(grouped[start[u]]);
            each.accept(new FunnelPath(users.key(u), actions, first.sex(), first.professional(), first.age()));
        }
    }
}
