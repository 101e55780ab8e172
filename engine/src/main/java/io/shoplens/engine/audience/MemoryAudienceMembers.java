package io.shoplens.engine.audience;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.memory.MemorySession;
import io.shoplens.engine.memory.MemorySuspectRules;
import io.shoplens.engine.model.SuspectRules;

/**
 * {@link AudienceMembers} over the in-memory model: the same five tables, value for value and in
 * the same order, without a Spark job (the Spark form costs some fifty jobs even on tiny data).
 */
public final class MemoryAudienceMembers {

    private MemoryAudienceMembers() {
    }

    /**
     * suspects, suspect_users, rfm, tier_moves and amplification of {@code sessions} (the run's
     * filtered sessions of {@code model}), as {@link AudienceMembers#tables} gives them.
     */
    public static List<ResultTable> tables(MemoryModel model, List<MemorySession> sessions, AudienceParams params) {
        return tables(model, AudienceUsers.of(sessions), params,
                MemorySuspectRules.flags(sessions, params.minDwellSeconds()));
    }

    /** As {@link #tables(MemoryModel, List, AudienceParams)}, given the rows of {@link MemorySuspectRules#flags}. */
    static List<ResultTable> tables(MemoryModel model, AudienceUsers users, AudienceParams params,
                                    List<List<Object>> flags) {
        List<MemorySession> sessions = users.sessions();
        Optional<LocalDate> lastDate = lastDate(sessions);
        List<MemoryMemberTiers.Pay> pays = MemoryMemberTiers.pays(sessions);
        return List.of(
                new ResultTable(AudienceMembers.SUSPECTS, SuspectRules.FLAG_COLUMNS, flags),
                suspectUsers(sessions, flags),
                rfm(pays, params.asOf().or(() -> lastDate)),
                tierMoves(users, pays, params, lastDate),
                new ResultTable(AudienceMembers.AMPLIFICATION, Amplification.COLUMNS,
                        MemoryAmplification.rows(users, params.paidChannels())));
    }

    /** As {@link AudiencePeriods#lastDate}: the latest action date of {@code sessions}. */
    static Optional<LocalDate> lastDate(List<MemorySession> sessions) {
        return sessions.stream().mapToInt(MemorySession::maxDate).max().stream()
                .mapToObj(LocalDate::ofEpochDay).findFirst();
    }

    private static ResultTable suspectUsers(List<MemorySession> sessions, List<List<Object>> flags) {
        Set<Long> suspects = MemorySuspectRules.suspectUsersOf(flags);
        Map<Long, Set<Object>> rules = new HashMap<>();
        for (List<Object> f : flags) {
            if (f.get(0) != null && suspects.contains((Long) f.get(0))) {
                rules.computeIfAbsent((Long) f.get(0), u -> new HashSet<>()).add(f.get(2));
            }
        }
        // user -> {sessions, pays, GMV micros}
        Map<Long, long[]> totals = new TreeMap<>();
        for (MemorySession s : sessions) {
            if (s.userId() != MemoryAction.NONE && suspects.contains(s.userId())) {
                long[] t = totals.computeIfAbsent(s.userId(), u -> new long[3]);
                t[0]++;
                t[1] += s.orders();
                t[2] = Math.addExact(t[2], s.gmvMicros());
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        totals.forEach((user, t) -> rows.add(Arrays.asList(user, (long) rules.get(user).size(), t[0], t[1],
                BigDecimal.valueOf(t[2], MemoryModel.MONEY_SCALE).doubleValue())));
        return new ResultTable(AudienceMembers.SUSPECT_USERS, AudienceMembers.SUSPECT_USER_COLUMNS, rows);
    }

    private static ResultTable rfm(List<MemoryMemberTiers.Pay> pays, Optional<LocalDate> asOf) {
        List<List<Object>> rows = new ArrayList<>();
        asOf.ifPresent(day -> MemoryMemberTiers.rfm(pays, (int) day.toEpochDay()).forEach(m -> rows.add(m.row())));
        return new ResultTable(AudienceMembers.RFM, MemberTiers.RFM_COLUMNS, rows);
    }

    private static ResultTable tierMoves(AudienceUsers users, List<MemoryMemberTiers.Pay> pays,
                                         AudienceParams params, Optional<LocalDate> lastDate) {
        Optional<AudiencePeriods> periods = AudiencePeriods.of(params, lastDate);
        List<List<Object>> rows = periods.isEmpty() ? List.of()
                : MemoryMemberTiers.tierMoves(users, pays, (int) periods.get().base().to().toEpochDay(),
                        (int) periods.get().current().to().toEpochDay());
        return new ResultTable(AudienceMembers.TIER_MOVES, MemberTiers.MOVE_COLUMNS, rows);
    }
}
