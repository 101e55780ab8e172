package io.shoplens.engine.report;

import java.util.List;
import java.util.Optional;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.funnel.FunnelAnalysis;

/** The funnel in words: how many units entered and converted, and the step most of them were lost at. */
final class FunnelText {

    private FunnelText() {
    }

    /** @param unit what a unit is, as {@code --funnel-unit} names it: {@code session} or {@code user} */
    static Optional<String> of(AnalysisResult funnel, String unit, ReportText words) {
        ResultTable steps = funnel.table(FunnelAnalysis.STEPS);
        List<List<Object>> rows = steps.rows();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long entered = units(steps, rows.get(0));
        if (entered == 0) {
            return Optional.of(words.get("funnel.none", words.get("funnel.unit." + unit), definition(steps, rows.get(0))));
        }
        List<Object> last = rows.get(rows.size() - 1);
        StringBuilder text = new StringBuilder(words.get("funnel.reached", words.count(entered, "unit." + unit),
                definition(steps, rows.get(0)), String.valueOf(units(steps, last)), String.valueOf(rows.size()),
                definition(steps, last), ReportTable.cell("conversion", last.get(steps.columnIndex("conversion")))));
        List<Object> worst = null;
        for (List<Object> row : rows.subList(1, rows.size())) {
            Object drop = row.get(steps.columnIndex("drop_off"));
            if (drop instanceof Double d && (worst == null || d > (Double) worst.get(steps.columnIndex("drop_off")))) {
                worst = row;
            }
        }
        if (worst != null) {
            text.append(words.get("funnel.worst", String.valueOf(worst.get(steps.columnIndex("step"))),
                    definition(steps, worst), ReportTable.cell("drop_off", worst.get(steps.columnIndex("drop_off")))));
        }
        return Optional.of(text.toString());
    }

    private static long units(ResultTable steps, List<Object> row) {
        return ((Number) row.get(steps.columnIndex("units"))).longValue();
    }

    private static String definition(ResultTable steps, List<Object> row) {
        return String.valueOf(row.get(steps.columnIndex("definition")));
    }
}
