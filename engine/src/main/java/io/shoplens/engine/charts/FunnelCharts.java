package io.shoplens.engine.charts;

import java.awt.Color;
import java.text.NumberFormat;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import io.shoplens.engine.analysis.ResultTable;

/**
 * The funnel's charts (docs/ANALYSES.md, funnel) from its result tables, for the report and the
 * app alike: the funnel with conversion and drop-off per step, time to convert per step, the
 * breakdown as grouped bars and the signals as a diverging bar chart. Labels are given by the
 * caller, so the app can pass its translations.
 */
public final class FunnelCharts {

    /** Muted grey for what dropped off, so the bars that reached stand out in the first colour. */
    static final Color DROPPED = new Color(0xd0d7de);

    private FunnelCharts() {
    }

    /**
     * Units per step as stacked bars: those that reached the step, labelled with their conversion
     * from step 1, under those that reached the previous step but not this one, labelled with the
     * drop-off.
     *
     * @param steps funnel_steps
     */
    public static JFreeChart funnel(ResultTable steps, String reached, String dropped, String units) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<String, String[]> labels = new HashMap<>();
        long previous = -1;
        for (List<Object> row : steps.rows()) {
            String step = stepName(row.get(steps.columnIndex("step")), row.get(steps.columnIndex("definition")));
            long count = ((Number) row.get(steps.columnIndex("units"))).longValue();
            data.addValue(count, reached, step);
            data.addValue(previous < 0 ? 0 : previous - count, dropped, step);
            labels.put(step, new String[] {percent(row.get(steps.columnIndex("conversion"))),
                    percent(row.get(steps.columnIndex("drop_off")))});
            previous = count;
        }
        JFreeChart chart = Charts.stackedBars(null, units, data, true, PlotOrientation.VERTICAL,
                NumberFormat.getIntegerInstance(Locale.ROOT));
        CategoryItemRenderer renderer = chart.getCategoryPlot().getRenderer();
        renderer.setSeriesPaint(1, DROPPED);
        // Conversion on the bars that reached, drop-off on those that dropped.
        renderer.setDefaultItemLabelGenerator(new BarLabels((dataset, row, column) -> {
            String[] texts = labels.get(String.valueOf(dataset.getColumnKey(column)));
            return texts == null ? null : texts[row == 0 ? 0 : 1];
        }));
        renderer.setDefaultItemLabelsVisible(true);
        return chart;
    }

    /**
     * Units per time-to-convert bucket, a series per step from 2 on.
     *
     * @param times funnel_times
     * @param steps funnel_steps, for the steps' definitions
     */
    public static JFreeChart times(ResultTable times, ResultTable steps, String units) {
        Map<Object, Object> definitions = new HashMap<>();
        for (List<Object> row : steps.rows()) {
            definitions.put(row.get(steps.columnIndex("step")), row.get(steps.columnIndex("definition")));
        }
        DefaultCategoryDataset data = Datasets.pivot(times.rows(), times, "bucket", "step", "units",
                step -> stepName(step, definitions.get(step)));
        return Charts.bars(null, units, data, true, PlotOrientation.VERTICAL,
                NumberFormat.getIntegerInstance(Locale.ROOT));
    }

    /**
     * Conversion from step 1 per step, a series per breakdown value: the {@code values} values
     * with most units at step 1 (ties by the table's order), so the bars stay readable.
     *
     * @param breakdown funnel_breakdown
     * @param steps     funnel_steps, for the steps' definitions
     */
    public static JFreeChart breakdown(ResultTable breakdown, ResultTable steps, int values, String conversion) {
        Map<Object, Object> definitions = new HashMap<>();
        for (List<Object> row : steps.rows()) {
            definitions.put(row.get(steps.columnIndex("step")), row.get(steps.columnIndex("definition")));
        }
        Map<String, Long> entering = new LinkedHashMap<>();
        for (List<Object> row : breakdown.rows()) {
            if (((Number) row.get(breakdown.columnIndex("step"))).longValue() == 1) {
                entering.put(String.valueOf(row.get(breakdown.columnIndex("value"))),
                        ((Number) row.get(breakdown.columnIndex("units"))).longValue());
            }
        }
        List<String> shown = entering.keySet().stream()
                .sorted(Comparator.comparing((String v) -> -entering.get(v))).limit(values).toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (List<Object> row : breakdown.rows()) {
            String value = String.valueOf(row.get(breakdown.columnIndex("value")));
            if (shown.contains(value)) {
                Object step = row.get(breakdown.columnIndex("step"));
                Object rate = row.get(breakdown.columnIndex("conversion"));
                data.addValue(rate instanceof Number n ? n : null, value, stepName(step, definitions.get(step)));
            }
        }
        return Charts.bars(null, conversion, data, true, PlotOrientation.VERTICAL, Charts.percent());
    }

    /**
     * The signals as bars of ln(odds ratio) from a common zero: those that go with converting to
     * one side, those that go with dropping off to the other, in the table's order.
     *
     * @param correlation funnel_correlation
     */
    public static JFreeChart correlation(ResultTable correlation, String success, String failure, String axis) {
        return correlation(correlation, success, failure, axis, signal -> signal);
    }

    /** @param label how a signal reads on the axis (e.g. a category's name beside its id); one label per signal */
    public static JFreeChart correlation(ResultTable correlation, String success, String failure, String axis,
                                         java.util.function.Function<String, String> label) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (List<Object> row : correlation.rows()) {
            String signal = label.apply(String.valueOf(row.get(correlation.columnIndex("signal"))));
            double odds = ((Number) row.get(correlation.columnIndex("odds_ratio"))).doubleValue();
            boolean up = "success".equals(row.get(correlation.columnIndex("direction")));
            // One series per side, the other empty: a stacked chart then draws each bar from zero.
            data.addValue(up ? Math.log(odds) : null, success, signal);
            data.addValue(up ? null : Math.log(odds), failure, signal);
        }
        JFreeChart chart = Charts.stackedBars(null, axis, data, true, PlotOrientation.HORIZONTAL,
                new java.text.DecimalFormat("0.0#", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRenderer().setSeriesPaint(1, Color.decode(ChartTheme.PALETTE.get(1)));
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.35f);
        return chart;
    }

    /** "2 click": the step's number and definition, as the steps are named on the axis. */
    static String stepName(Object step, Object definition) {
        return step + " " + definition;
    }

    private static String percent(Object rate) {
        if (!(rate instanceof Number n)) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(Locale.ROOT);
        format.setMaximumFractionDigits(1);
        return format.format(n.doubleValue());
    }
}
