package io.shoplens.engine.run;

import static io.shoplens.engine.audience.OneSuspectShop.OTHERS;
import static io.shoplens.engine.audience.OneSuspectShop.all;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.audience.OneSuspectShop;
import io.shoplens.engine.audience.AudienceAnalysis;
import io.shoplens.engine.audience.TagComparison;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.funnel.FunnelComparison;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.gmv.GmvComparison;
import io.shoplens.engine.gmv.GmvTotals;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * The comparisons on real runs, as the app makes them: one request with and without
 * {@code --exclude-suspects}, on {@link OneSuspectShop}.
 */
class WithAndWithoutSuspectsTest {

    private static final RunRequest REQUEST = RunRequest.defaults(
            List.of(GmvAnalysis.NAME, FunnelAnalysis.NAME, AudienceAnalysis.NAME)).withAudience(OneSuspectShop.oneDayEach());

    @Test
    void withoutAnySuspectLeavingThemOutChangesNothing() {
        LogTables model = tablesOf(OTHERS);

        List<AnalysisResult> with = run(model, false, REQUEST.analyses().toArray(String[]::new));
        List<AnalysisResult> without = run(model, true, REQUEST.analyses().toArray(String[]::new));

        assertThat(without).isEqualTo(with);
        assertThat(GmvComparison.of(with.get(0), without.get(0)).same()).isTrue();
        assertThat(FunnelComparison.of(with.get(1), without.get(1)).same()).isTrue();
        TagComparison tags = TagComparison.of(with.get(2), without.get(2));
        assertThat(tags.same()).isTrue();
        assertThat(tags.usersLeftOut()).isZero();
        assertThat(tags.shares()).isEmpty();
        assertThat(tags.odds()).isEmpty();
    }

    @Test
    void theSuspectsSessionsAreWhatMoves() {
        LogTables model = tablesOf(all());

        // Gmv and funnel only: audience runs are the slow part, and TagComparisonTest has its moves.
        List<AnalysisResult> with = run(model, false, GmvAnalysis.NAME, FunnelAnalysis.NAME);
        List<AnalysisResult> without = run(model, true, GmvAnalysis.NAME, FunnelAnalysis.NAME);

        GmvComparison gmv = GmvComparison.of(with.get(0), without.get(0));
        assertThat(gmv.with()).isEqualTo(new GmvTotals(5, 5, 27.0));
        assertThat(gmv.without()).isEqualTo(new GmvTotals(3, 3, 12.0));
        assertThat(gmv.suspectsGmv()).isEqualTo(15.0);
        // Only u1's s1 searched: the funnel's first step loses its one session.
        FunnelComparison funnel = FunnelComparison.of(with.get(1), without.get(1));
        assertThat(funnel.steps().get(0).unitsWith()).isEqualTo(1);
        assertThat(funnel.steps().get(0).unitsWithout()).isZero();
        assertThat(funnel.same()).isFalse();
    }

    /** Held in memory, as the app holds a workspace this small (ColdRunTest: the same as on Spark). */
    private static List<AnalysisResult> run(LogTables model, boolean excludeSuspects, String... analyses) {
        RunRequest request = REQUEST.onlyAnalyses(List.of(analyses)).withFilter(SessionFilter.NONE.withExcludeSuspects(excludeSuspects));
        return ColdRun.run(model, request, AnalysisRunner.Listener.NONE, Long.MAX_VALUE).results();
    }

    private static LogTables tablesOf(String... actions) {
        SparkSession spark = TestSpark.session();
        return LogTables.empty(spark).withActions(Fixtures.actions(spark, actions));
    }
}
