package io.shoplens.engine.audience;

import java.util.ArrayList;
import java.util.List;

import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.memory.ActionRows;
import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemorySession;

/**
 * {@link PeriodActions} over the in-memory model: every action of the filtered sessions dated in
 * the base or the current period, with its session's user, values read as the Spark form reads
 * them. Ids are {@link MemoryAction#NONE} where the Spark form has null.
 */
final class MemoryPeriodActions {

    /**
     * One action in a period.
     *
     * @param userId        the session's user ({@link MemoryAction#NONE} when unknown)
     * @param date          epoch day of the action
     * @param time          seconds since the epoch of local wall-clock time
     * @param keyword       the keyword, null when unset or blank as Spark's {@code trim} sees it
     * @param clickCategory NONE when unset or -1; likewise {@code clickProduct}
     * @param payCategories the pay's distinct ids in listed order without -1 and unreadable ids,
     *                      null when the list is unset; likewise {@code payProducts}
     */
    record PeriodAction(long userId, int date, long time, String file, long line, String channel, String keyword,
                        long clickCategory, long clickProduct, boolean pay, long[] payCategories,
                        long[] payProducts, boolean inBase, boolean inCurrent) {
    }

    private MemoryPeriodActions() {
    }

    /** The actions of {@code sessions} in either period, session by session in path order. */
    static List<PeriodAction> of(List<MemorySession> sessions, AudiencePeriods periods) {
        int baseFrom = day(periods.base(), true);
        int baseTo = day(periods.base(), false);
        int currentFrom = day(periods.current(), true);
        int currentTo = day(periods.current(), false);
        List<PeriodAction> out = new ArrayList<>();
        for (MemorySession s : sessions) {
            ActionRows actions = s.actions();
            for (int i = 0; i < actions.size(); i++) {
                int date = actions.date(i);
                boolean inBase = date >= baseFrom && date <= baseTo;
                boolean inCurrent = date >= currentFrom && date <= currentTo;
                if (!inBase && !inCurrent) {
                    continue;
                }
                // Read field by field: an action made whole first was a million objects per request.
                out.add(new PeriodAction(s.userId(), date, actions.time(i), actions.file(i), actions.line(i),
                        actions.channel(i), keyword(actions.keyword(i)), setOrNone(actions.clickCategory(i)),
                        setOrNone(actions.clickProduct(i)), actions.isPay(i), MemoryAction.distinctSetIds(actions.payCategories(i)),
                        MemoryAction.distinctSetIds(actions.payProducts(i)), inBase, inCurrent));
            }
        }
        return out;
    }

    /** The keyword unless it is empty once spaces (and only spaces, as Spark's trim) are cut. */
    private static String keyword(String keyword) {
        if (keyword == null) {
            return null;
        }
        for (int i = 0; i < keyword.length(); i++) {
            if (keyword.charAt(i) != ' ') {
                return keyword;
            }
        }
        return null;
    }

    private static long setOrNone(long id) {
        return id == -1L ? MemoryAction.NONE : id;
    }

    private static int day(DateRange range, boolean from) {
        return (int) (from ? range.from() : range.to()).toEpochDay();
    }
}
