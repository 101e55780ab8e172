package io.shoplens.engine.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/**
 * What the fake-order suspects do to a funnel: the same funnel with and without them
 * ({@code --exclude-suspects}), step by step (docs/ANALYSES.md, funnel: funnel_steps).
 *
 * @param steps every step of the funnel, in order
 * @param same  whether leaving the suspects out changes no table of the funnel at all
 */
public record FunnelComparison(List<StepMove> steps, boolean same) {

    public FunnelComparison {
        steps = List.copyOf(steps);
    }

    /**
     * One step with and without the suspects: the units reaching it, its conversion against step 1
     * and against the step before (null where the contract leaves them empty).
     */
    public record StepMove(long step, String definition, long unitsWith, long unitsWithout, Double conversionWith,
                           Double conversionWithout, Double stepConversionWith, Double stepConversionWithout) {
    }

    /**
     * @param withSuspects    a funnel result of a run with the suspects
     * @param withoutSuspects the same run with {@code --exclude-suspects}: the same steps
     */
    public static FunnelComparison of(AnalysisResult withSuspects, AnalysisResult withoutSuspects) {
        ResultTable with = withSuspects.table(FunnelAnalysis.STEPS);
        ResultTable without = withoutSuspects.table(FunnelAnalysis.STEPS);
        if (with.rows().size() != without.rows().size()) {
            throw new IllegalArgumentException("Not the same funnel: " + with.rows().size() + " and "
                    + without.rows().size() + " steps");
        }
        List<StepMove> steps = new ArrayList<>();
        for (int i = 0; i < with.rows().size(); i++) {
            steps.add(new StepMove(number(with, i, "step").longValue(), (String) with.value(i, "definition"),
                    number(with, i, "units").longValue(), number(without, i, "units").longValue(),
                    rate(with, i, "conversion"), rate(without, i, "conversion"),
                    rate(with, i, "step_conversion"), rate(without, i, "step_conversion")));
        }
        return new FunnelComparison(steps, withSuspects.equals(withoutSuspects));
    }

    /** The last step: its conversion is the funnel's overall conversion. Empty for a funnel without steps. */
    public Optional<StepMove> last() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
    }

    private static Number number(ResultTable table, int row, String column) {
        return (Number) table.value(row, column);
    }

    private static Double rate(ResultTable table, int row, String column) {
        return table.value(row, column) instanceof Number n ? n.doubleValue() : null;
    }
}
