package io.shoplens.app.funnel;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.funnel.FunnelComparison;
import io.shoplens.engine.funnel.FunnelComparison.StepMove;

/**
 * The funnel's sentence about the fake-order suspects: the units that start it, the overall
 * conversion and each later step's conversion from the previous one, shown → with the switch flipped.
 */
final class SuspectFunnelText {

    private final Messages messages;

    SuspectFunnelText(Messages messages) {
        this.messages = messages;
    }

    /** @param excluded whether the funnel shown is the one without the suspects */
    String of(FunnelComparison comparison, boolean excluded) {
        if (comparison.same() || comparison.last().isEmpty()) {
            return messages.get("suspects.funnel.none");
        }
        NumberFormat count = NumberFormat.getIntegerInstance(messages.locale());
        StepMove first = comparison.steps().get(0);
        StepMove last = comparison.last().get();
        List<String> steps = new ArrayList<>();
        for (StepMove step : comparison.steps().subList(1, comparison.steps().size())) {
            steps.add(messages.get("suspects.funnel.step", step.step() + " " + step.definition(),
                    percent(excluded ? step.stepConversionWithout() : step.stepConversionWith()),
                    percent(excluded ? step.stepConversionWith() : step.stepConversionWithout())));
        }
        return messages.get(excluded ? "suspects.funnel.excluded" : "suspects.funnel.included",
                count.format(excluded ? first.unitsWithout() : first.unitsWith()),
                count.format(excluded ? first.unitsWith() : first.unitsWithout()),
                percent(excluded ? last.conversionWithout() : last.conversionWith()),
                percent(excluded ? last.conversionWith() : last.conversionWithout()),
                String.join(messages.get("suspects.separator"), steps));
    }

    private String percent(Double ratio) {
        if (ratio == null) {
            return "–";
        }
        NumberFormat percent = NumberFormat.getPercentInstance(messages.locale());
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        return percent.format(ratio);
    }
}
