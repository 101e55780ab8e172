package io.shoplens.engine.live;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The live GMV state as of batch {@code through}, in a form that is kept on disk ({@link
 * GmvSnapshots}) so that a restart merges only what came after, not the whole stored history.
 *
 * @param day     the open day; null before the first action
 * @param latest  the latest action time read; null before the first action
 * @param actions the actions (from the actions topic) of every session the state keeps
 * @param orders  each order kept, as it stands after its last change
 */
record GmvSnapshot(long through, LocalDate day, LocalDateTime latest, Counters counters, List<String> samples,
                   List<GmvAction> actions, List<LiveGmvState.OrderChange> orders) {

    GmvSnapshot {
        samples = List.copyOf(samples);
        actions = List.copyOf(actions);
        orders = List.copyOf(orders);
    }

    /** What the state counted of everything it read, kept or let go. */
    record Counters(long actionsRead, long orderChangesRead, long malformedActionsRead, long malformedOrdersRead,
                    long lateRead, boolean dayBeforeRead) {
    }
}
