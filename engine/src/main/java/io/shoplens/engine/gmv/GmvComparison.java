package io.shoplens.engine.gmv;

import java.util.List;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/**
 * What the fake-order suspects do to the shop's GMV = traffic × conversion × AOV: the totals of
 * the same gmv run with and without them ({@code --exclude-suspects}), summed from gmv_daily.
 */
public record GmvComparison(GmvTotals with, GmvTotals without) {

    /**
     * @param withSuspects    a gmv result of a run with the suspects
     * @param withoutSuspects the same run with {@code --exclude-suspects}
     */
    public static GmvComparison of(AnalysisResult withSuspects, AnalysisResult withoutSuspects) {
        return new GmvComparison(totals(withSuspects.table(GmvAnalysis.DAILY)),
                totals(withoutSuspects.table(GmvAnalysis.DAILY)));
    }

    /** The GMV the suspects' sessions bring: with − without. */
    public double suspectsGmv() {
        return with.gmv() - without.gmv();
    }

    /** {@link #suspectsGmv()} over the GMV with them; null when there is no GMV. */
    public Double suspectsShare() {
        return with.gmv() == 0 ? null : suspectsGmv() / with.gmv();
    }

    /** Whether leaving the suspects out changes nothing: none of these sessions is a suspect's. */
    public boolean same() {
        return with.equals(without);
    }

    /** The shop's totals: every day of gmv_daily, summed. */
    static GmvTotals totals(ResultTable daily) {
        long sessions = 0;
        long orders = 0;
        double gmv = 0;
        int sessionColumn = daily.columnIndex("sessions");
        int orderColumn = daily.columnIndex("orders");
        int gmvColumn = daily.columnIndex("gmv");
        for (List<Object> day : daily.rows()) {
            sessions += ((Number) day.get(sessionColumn)).longValue();
            orders += ((Number) day.get(orderColumn)).longValue();
            gmv += ((Number) day.get(gmvColumn)).doubleValue();
        }
        return new GmvTotals(sessions, orders, gmv);
    }
}
