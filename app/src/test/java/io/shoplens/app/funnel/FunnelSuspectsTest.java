package io.shoplens.app.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.funnel.FunnelAnalysis;

/**
 * The funnel says what the fake-order suspects do to its conversion: search → click → pay with
 * 40, 24, 6 sessions with them, 36, 20, 3 without.
 */
class FunnelSuspectsTest {

    private static final AnalysisResult WITH = funnel(
            step(1, "search", 40, 1.0, null),
            step(2, "click", 24, 0.6, 0.6),
            step(3, "pay", 6, 0.15, 0.25));
    private static final AnalysisResult WITHOUT = funnel(
            step(1, "search", 36, 1.0, null),
            step(2, "click", 20, 20 / 36.0, 20 / 36.0),
            step(3, "pay", 3, 3 / 36.0, 0.15));

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final FunnelViewModel model = new FunnelViewModel(engine, new SyncJobRunner(e -> { }),
            new RecordingDialogs(), Messages.forLocale(Locale.ENGLISH));

    @Test
    void itSaysHowTheOverallAndEachStepsConversionMove() {
        engine.answerRunsWith(request -> request.filter().excludeSuspects() ? WITHOUT : WITH);
        model.hasDataProperty().set(true);

        model.run();

        assertThat(model.suspectsProperty().get()).isEqualTo("Without fake-order suspect users: step 1 40 → 36,"
                + " overall conversion 15.0% → 8.3%; step by step: 2 click 60.0% → 55.6%, 3 pay 25.0% → 15.0%.");
        assertThat(model.canExcludeSuspectsProperty().get()).isTrue();

        model.freshness().filterProperty().set(SessionFilter.NONE.withExcludeSuspects(true));
        model.run();

        assertThat(model.suspectsProperty().get()).isEqualTo("Fake-order suspect users are left out. With them:"
                + " step 1 36 → 40, overall conversion 8.3% → 15.0%; step by step: 2 click 55.6% → 60.0%,"
                + " 3 pay 15.0% → 25.0%.");
        assertThat(model.canExcludeSuspectsProperty().get()).isFalse();
    }

    @Test
    void aFunnelTheSuspectsDoNotReachSaysSo() {
        engine.answerRunsWith(request -> WITH);
        model.hasDataProperty().set(true);

        model.run();

        assertThat(model.suspectsProperty().get())
                .isEqualTo("Leaving out fake-order suspect users changes nothing in this funnel.");
        assertThat(model.canExcludeSuspectsProperty().get()).isFalse();
    }

    private static AnalysisResult funnel(List<Object>... steps) {
        return new AnalysisResult(FunnelAnalysis.NAME, List.of(new ResultTable(FunnelAnalysis.STEPS,
                List.of("step", "definition", "units", "conversion", "step_conversion", "drop_off", "median_seconds",
                        "mean_seconds"), List.of(steps))));
    }

    private static List<Object> step(long step, String definition, long units, Double conversion,
                                     Double stepConversion) {
        return Arrays.asList(step, definition, units, conversion, stepConversion,
                stepConversion == null ? null : 1 - stepConversion, null, null);
    }
}
