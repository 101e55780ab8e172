package io.shoplens.engine.live;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.analysis.ResultTable;

/**
 * What one micro-batch leaves the live GMV view with: the tables of the open day ({@link
 * LiveGmvTables}) and the stream's counters since the view's stored history began.
 *
 * @param actionsTotal      well-formed actions read
 * @param orderChangesTotal order inserts, updates and deletes read
 * @param malformedTotal    messages that did not parse, on either topic
 * @param lateTotal         actions and orders dated before the day before the open day, left out
 * @param unattributed      orders of a user-only mapping that no session of their user takes (yet): counted nowhere
 * @param malformedSamples  a few of the latest malformed messages with their reason
 * @param day               the open day, the date of the latest action read (null before the first)
 * @param latestAction      the latest action time read (null before the first)
 */
public record LiveGmvUpdate(
        long batchId,
        Instant completedAt,
        long actionsTotal,
        long orderChangesTotal,
        long malformedTotal,
        long lateTotal,
        long unattributed,
        List<String> malformedSamples,
        LocalDate day,
        LocalDateTime latestAction,
        List<ResultTable> tables) {

    public LiveGmvUpdate {
        malformedSamples = List.copyOf(malformedSamples);
        tables = List.copyOf(tables);
    }

    static LiveGmvUpdate of(LiveGmvState state, long batchId) {
        return new LiveGmvUpdate(batchId, Instant.now(), state.actionsRead(), state.orderChangesRead(),
                state.malformedRead(), state.lateRead(), state.unattributedOrders(), state.samples(), state.day().orElse(null),
                state.latest().orElse(null), LiveGmvTables.of(state));
    }

    public Optional<LocalDate> openDay() {
        return Optional.ofNullable(day);
    }

    public ResultTable table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No live GMV table " + name));
    }
}
