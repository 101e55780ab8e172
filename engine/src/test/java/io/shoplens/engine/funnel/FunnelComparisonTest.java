package io.shoplens.engine.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.funnel.FunnelComparison.StepMove;

/**
 * search → click → pay written by hand: 40, 24, 6 sessions with the suspects; 36, 20, 3 without
 * (the suspects' 4 sessions all searched, 4 clicked and 3 paid).
 */
class FunnelComparisonTest {

    private static final AnalysisResult WITH = funnel(
            step(1, "search", 40, 1.0, null),
            step(2, "click", 24, 0.6, 0.6),
            step(3, "pay", 6, 0.15, 0.25));
    private static final AnalysisResult WITHOUT = funnel(
            step(1, "search", 36, 1.0, null),
            step(2, "click", 20, 20 / 36.0, 20 / 36.0),
            step(3, "pay", 3, 3 / 36.0, 0.15));

    @Test
    void everyStepWithAndWithoutTheSuspects() {
        FunnelComparison comparison = FunnelComparison.of(WITH, WITHOUT);

        assertThat(comparison.same()).isFalse();
        assertThat(comparison.steps()).containsExactly(
                new StepMove(1, "search", 40, 36, 1.0, 1.0, null, null),
                new StepMove(2, "click", 24, 20, 0.6, 20 / 36.0, 0.6, 20 / 36.0),
                new StepMove(3, "pay", 6, 3, 0.15, 3 / 36.0, 0.25, 0.15));
        assertThat(comparison.last()).contains(comparison.steps().get(2));
    }

    @Test
    void theSameFunnelTwiceIsTheSame() {
        assertThat(FunnelComparison.of(WITH, WITH).same()).isTrue();
    }

    @Test
    void twoDifferentFunnelsDoNotCompare() {
        AnalysisResult shorter = funnel(step(1, "search", 36, 1.0, null));

        assertThatThrownBy(() -> FunnelComparison.of(WITH, shorter)).isInstanceOf(IllegalArgumentException.class);
    }

    private static AnalysisResult funnel(List<Object>... steps) {
        return new AnalysisResult(FunnelAnalysis.NAME,
                List.of(new ResultTable(FunnelAnalysis.STEPS, FunnelTables.STEPS_COLUMNS, List.of(steps))));
    }

    private static List<Object> step(long step, String definition, long units, Double conversion,
                                     Double stepConversion) {
        return Arrays.asList(step, definition, units, conversion, stepConversion,
                stepConversion == null ? null : 1 - stepConversion, null, null);
    }
}
