package io.shoplens.engine.run;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.shoplens.engine.audience.SuspectExclusion;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.memory.MemorySuspectRules;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.model.SuspectRules;

/**
 * The suspect users of a whole model, which {@code --exclude-suspects} drops before any other
 * filter, and the run's note about leaving them out.
 */
record ModelSuspects(Set<Long> users, String note) {

    ModelSuspects {
        users = Set.copyOf(users);
    }

    /** Found by the suspect rules at {@code minDwell} on every session of the model, in memory when it is held there. */
    static ModelSuspects of(Supplier<SessionModel> model, Optional<MemoryModel> memory, int minDwell) {
        if (memory.isEmpty()) {
            return of(model.get(), minDwell);
        }
        List<MemorySession> sessions = memory.get().sessions();
        Set<Long> users = MemorySuspectRules.suspectUsers(sessions, minDwell);
        long theirSessions = sessions.stream().filter(s -> users.contains(s.userId())).count();
        return new ModelSuspects(users, new SuspectExclusion(users.size(), theirSessions).note());
    }

    /** Found by the suspect rules at {@code minDwell} on every session of {@code model}, by Spark. */
    static ModelSuspects of(SessionModel model, int minDwell) {
        Set<Long> users = SuspectRules.suspectUsers(model, minDwell).collectAsList().stream()
                .filter(r -> !r.isNullAt(0)).map(r -> r.getLong(0)).collect(Collectors.toUnmodifiableSet());
        return new ModelSuspects(users, SuspectExclusion.of(model, minDwell).note());
    }
}
