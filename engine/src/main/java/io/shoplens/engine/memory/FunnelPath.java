package io.shoplens.engine.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shoplens.engine.funnel.FunnelUnit;

/**
 * One unit of an in-memory funnel, as {@code FunnelUnits} makes it on Spark: its id (the session
 * id, or the user id as a {@code Long}), its path of actions in order and its user's attributes.
 */
record FunnelPath(Object unitId, ActionRows actions, String sex, String professional, Integer age) {

    /** The units of {@code sessions}: each session, or each user over all their sessions. */
    static List<FunnelPath> of(List<MemorySession> sessions, FunnelUnit unit) {
        List<FunnelPath> paths = new ArrayList<>();
        if (unit == FunnelUnit.SESSION) {
            for (MemorySession s : sessions) {
                paths.add(new FunnelPath(s.sessionId(), s.actions(), s.sex(), s.professional(), s.age()));
            }
            return paths;
        }
        // A session without a user belongs to no one: it is no unit of a user funnel.
        Map<Long, List<MemorySession>> byUser = new LinkedHashMap<>();
        for (MemorySession s : sessions) {
            if (s.userId() != MemoryAction.NONE) {
                byUser.computeIfAbsent(s.userId(), u -> new ArrayList<>()).add(s);
            }
        }
        byUser.forEach((user, own) -> {
            ActionRows actions = ActionRows.inSparkOrder(own.stream().map(MemorySession::actions).toList());
            // Every session of a user is joined with the same user_info row, so any one gives its values.
            MemorySession first = own.get(0);
            paths.add(new FunnelPath(user, actions, first.sex(), first.professional(), first.age()));
        });
        return paths;
    }
}
