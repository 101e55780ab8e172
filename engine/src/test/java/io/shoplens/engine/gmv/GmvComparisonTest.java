package io.shoplens.engine.gmv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/** Two days of gmv_daily written by hand, with the suspects (16 sessions) and without them (14). */
class GmvComparisonTest {

    private static final AnalysisResult WITH = daily(day(17, 10, 3, 100.0), day(18, 6, 2, 50.5));
    private static final AnalysisResult WITHOUT = daily(day(17, 9, 2, 60.0), day(18, 5, 1, 20.5));

    @Test
    void theTotalsWithAndWithoutAndWhatTheSuspectsBring() {
        GmvComparison comparison = GmvComparison.of(WITH, WITHOUT);

        assertThat(comparison.with()).isEqualTo(new GmvTotals(16, 5, 150.5));
        assertThat(comparison.without()).isEqualTo(new GmvTotals(14, 3, 80.5));
        assertThat(comparison.suspectsGmv()).isEqualTo(70.0);
        assertThat(comparison.suspectsShare()).isEqualTo(70.0 / 150.5);
        assertThat(comparison.same()).isFalse();
    }

    @Test
    void withoutSuspectsNothingMovesAndAShopWithoutGmvHasNoShare() {
        AnalysisResult noOrders = daily(day(17, 4, 0, 0.0));

        assertThat(GmvComparison.of(WITH, WITH).same()).isTrue();
        assertThat(GmvComparison.of(noOrders, noOrders).suspectsShare()).isNull();
    }

    private static AnalysisResult daily(List<Object>... days) {
        return new AnalysisResult(GmvAnalysis.NAME,
                List.of(new ResultTable(GmvAnalysis.DAILY, GmvAnalysis.DAILY_COLUMNS, List.of(days))));
    }

    private static List<Object> day(int dayOfMonth, long sessions, long orders, double gmv) {
        return java.util.Arrays.asList(LocalDate.of(2019, 7, dayOfMonth), sessions, orders, gmv,
                (double) orders / sessions, orders == 0 ? null : gmv / orders);
    }
}
