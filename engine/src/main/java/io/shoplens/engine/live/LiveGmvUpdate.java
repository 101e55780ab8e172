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
 * @param malformedActions  messages of the actions topic that did not parse
 * @param malformedOrders   messages of the orders topic that did not parse
 * @param lateTotal         actions and orders dated before the day before the open day, left out
 * @param unattributed      orders of a user-only mapping that no session of their user takes (yet): counted nowhere
 * @param malformedSamples  a few of the latest malformed messages with their reason
 * @param day               the open day, the date of the latest action read (null before the first)
 * @param latestAction      the latest action time read (null before the first)
 * @param dayBefore         where the same hours of the day before come from
 */
public record LiveGmvUpdate(
        long batchId,
        Instant completedAt,
        long actionsTotal,
        long orderChangesTotal,
        long malformedActions,
        long malformedOrders,
        long lateTotal,
        long unattributed,
        List<String> malformedSamples,
        LocalDate day,
        LocalDateTime latestAction,
        DayBefore dayBefore,
        List<ResultTable> tables) {

    /** Where today's comparison comes from. */
    public enum DayBefore {
        /** Neither the stream nor the workspace holds the day before: nothing to compare with. */
        NONE,
        /** The stream read the day before itself. */
        STREAM,
        /** The stream did not read it; the workspace's imported actions hold it. */
        IMPORTED
    }

    public LiveGmvUpdate {
        malformedSamples = List.copyOf(malformedSamples);
        tables = List.copyOf(tables);
    }

    static LiveGmvUpdate of(LiveGmvState state, long batchId, ImportedDayBefore imported) {
        Optional<GmvDayCounts> importedDayBefore = state.day().isEmpty() || state.holdsDayBefore()
                ? Optional.empty() : imported.counts(state.day().get().minusDays(1));
        DayBefore dayBefore = state.holdsDayBefore() ? DayBefore.STREAM
                : importedDayBefore.isPresent() ? DayBefore.IMPORTED : DayBefore.NONE;
        return new LiveGmvUpdate(batchId, Instant.now(), state.actionsRead(), state.orderChangesRead(),
                state.malformedActionsRead(), state.malformedOrdersRead(), state.lateRead(), state.unattributedOrders(),
                state.samples(), state.day().orElse(null), state.latest().orElse(null), dayBefore,
                LiveGmvTables.of(state, importedDayBefore));
    }

    /** Malformed messages of both topics. */
    public long malformedTotal() {
        return malformedActions + malformedOrders;
    }

    public Optional<LocalDate> openDay() {
        return Optional.ofNullable(day);
    }

    public ResultTable table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No live GMV table " + name));
    }
}
