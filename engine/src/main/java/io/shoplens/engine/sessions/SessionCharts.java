package io.shoplens.engine.sessions;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;

import io.shoplens.engine.analysis.CategoryNames;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.charts.Datasets;

/**
 * The sessions analysis' charts, drawn alike by the app's Sessions view and by reports: the
 * visit- and step-length distributions with their buckets in words, and the top categories by
 * name with their clicks, orders and payments.
 */
public final class SessionCharts {

    public static final List<String> CATEGORY_COUNTS = List.of("click_count", "order_count", "pay_count");

    private SessionCharts() {
    }

    /** Sessions per bucket of visit_length or step_length, a bar per bucket in the table's order. */
    public static JFreeChart distribution(ResultTable buckets, ChartText words) {
        String sessions = words.get("series.sessions");
        JFreeChart chart = Charts.bars(null, words.get("axis.sessions"),
                Datasets.bars(buckets, "bucket", bucket -> BucketLabels.label(String.valueOf(bucket), words),
                        List.of("sessions"), column -> sessions),
                false, PlotOrientation.VERTICAL, NumberFormat.getIntegerInstance(Locale.ROOT));
        // Bucket words ("10–30 步", "> 30 min") break onto a second line rather than end in "…".
        chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(2);
        return chart;
    }

    /**
     * top_categories as grouped bars, a category per row named as people know it ("家电 (15)",
     * {@link CategoryNames#label}), a series per count.
     */
    public static JFreeChart topCategories(ResultTable top, Map<Long, String> names, ChartText words) {
        return Charts.bars(null, words.get("axis.count"),
                Datasets.bars(top, "category_id", id -> CategoryNames.label(id, names), CATEGORY_COUNTS,
                        column -> words.get(countSeries(column))), true);
    }

    private static String countSeries(String column) {
        return switch (column) {
            case "click_count" -> "series.clicks";
            case "order_count" -> "series.orders";
            default -> "series.payments";
        };
    }
}
