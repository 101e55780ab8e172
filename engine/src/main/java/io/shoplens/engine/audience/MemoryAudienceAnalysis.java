package io.shoplens.engine.audience;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;

/**
 * {@link AudienceAnalysis} over the in-memory model: the same tables, value for value, in
 * milliseconds where the Spark form runs about a hundred jobs. A test holds every table to the
 * Spark one on the sample shop and on hand-made rows.
 */
public final class MemoryAudienceAnalysis {

    private MemoryAudienceAnalysis() {
    }

    /** Every audience table of {@code sessions} (the run's filtered sessions) in the contract's order. */
    public static AnalysisResult run(MemoryModel model, List<MemorySession> sessions, AudienceParams params) {
        List<ResultTable> members = MemoryAudienceMembers.tables(model, sessions, params);
        ResultTable suspectUsers = members.get(AudienceMembers.TABLES.indexOf(AudienceMembers.SUSPECT_USERS));
        List<ResultTable> tables = new ArrayList<>(tagTables(model, sessions, params, userIds(suspectUsers)));
        tables.addAll(members);
        return new AnalysisResult(AudienceAnalysis.NAME, tables);
    }

    /** user_tags to lapsed_summary, as {@link AudienceAnalysis#tagTables} gives them. */
    static List<ResultTable> tagTables(MemoryModel model, List<MemorySession> sessions, AudienceParams params,
                                       Set<Long> suspects) {
        Optional<AudiencePeriods> periods = AudiencePeriods.of(params, MemoryAudienceMembers.lastDate(sessions));
        if (periods.isEmpty()) {
            return AudienceAnalysis.empty(params);
        }
        List<MemoryPeriodActions.PeriodAction> actions = MemoryPeriodActions.of(sessions, periods.get());
        List<ResultTable> tables = new ArrayList<>(MemoryTagTables.of(model, sessions, actions, params, suspects));
        tables.addAll(MemoryLapsedBuyers.tables(actions, params));
        return tables;
    }

    /** The users of suspect_users; a null id joins no one, as in the Spark form. */
    private static Set<Long> userIds(ResultTable table) {
        int column = table.columnIndex(PeriodActions.USER_ID);
        Set<Long> ids = new HashSet<>();
        for (List<Object> row : table.rows()) {
            if (row.get(column) != null) {
                ids.add((Long) row.get(column));
            }
        }
        return ids;
    }
}
