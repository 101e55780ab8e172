package io.shoplens.engine.products;

import org.jfree.chart.JFreeChart;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.charts.Datasets;

/** The hot-products chart, drawn alike by the app's Products view and by reports. */
public final class ProductCharts {

    private ProductCharts() {
    }

    /** top_products as grouped bars: an area per category, a rank ("#1".."#3") per series, clicks as heights. */
    public static JFreeChart topProducts(ResultTable top, ChartText words) {
        return Charts.bars(null, words.get("axis.clicks"),
                Datasets.pivot(top.rows(), top, "area", "rank", "clicks", words::rank), true);
    }
}
