package io.shoplens.engine.audience;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.cores.SideBySide;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.memory.MemorySuspectRules;

/**
 * {@link AudienceAnalysis} over the in-memory model: the same tables, value for value, in
 * milliseconds where the Spark form runs about a hundred jobs. A test holds every table to the
 * Spark one on the sample shop and on hand-made rows.
 */
public final class MemoryAudienceAnalysis {

    private MemoryAudienceAnalysis() {
    }

    /**
     * Every audience table of {@code sessions} (the run's filtered sessions) in the contract's order.
     * The suspect rules and the period actions need nothing of each other, nor do the tag tables
     * (which need the suspects) and the member tables: each pair runs side by side.
     */
    public static AnalysisResult run(MemoryModel model, List<MemorySession> sessions, AudienceParams params) {
        Optional<AudiencePeriods> periods = AudiencePeriods.of(params, MemoryAudienceMembers.lastDate(sessions));
        AudienceUsers users = AudienceUsers.of(sessions);
        SideBySide.Both<List<List<Object>>, Optional<MemoryPeriodActions>> first = SideBySide.both(
                () -> MemorySuspectRules.flags(sessions, params.minDwellSeconds()),
                () -> periods.map(p -> MemoryPeriodActions.of(users, p)));
        Set<Long> suspects = MemorySuspectRules.suspectUsersOf(first.first());
        SideBySide.Both<List<ResultTable>, List<ResultTable>> tables = SideBySide.both(
                () -> first.second().map(actions -> tagTables(model, sessions, actions, params, suspects))
                        .orElseGet(() -> AudienceAnalysis.empty(params)),
                () -> MemoryAudienceMembers.tables(model, users, params, first.first()));
        List<ResultTable> all = new ArrayList<>(tables.first());
        all.addAll(tables.second());
        return new AnalysisResult(AudienceAnalysis.NAME, all);
    }

    /** user_tags to lapsed_summary, as {@link AudienceAnalysis#tagTables} gives them. */
    static List<ResultTable> tagTables(MemoryModel model, List<MemorySession> sessions, AudienceParams params,
                                       Set<Long> suspects) {
        Optional<AudiencePeriods> periods = AudiencePeriods.of(params, MemoryAudienceMembers.lastDate(sessions));
        if (periods.isEmpty()) {
            return AudienceAnalysis.empty(params);
        }
        return tagTables(model, sessions, MemoryPeriodActions.of(sessions, periods.get()), params, suspects);
    }

    private static List<ResultTable> tagTables(MemoryModel model, List<MemorySession> sessions,
                                               MemoryPeriodActions actions, AudienceParams params,
                                               Set<Long> suspects) {
        List<ResultTable> tables = new ArrayList<>(MemoryTagTables.of(model, sessions, actions, params, suspects));
        tables.addAll(MemoryLapsedBuyers.tables(actions, params));
        return tables;
    }
}
