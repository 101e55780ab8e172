package io.shoplens.app.charts;

import java.text.NumberFormat;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;

/** The chart shapes the app uses; built by the engine's {@link io.shoplens.engine.charts.Charts}, shared with reports. */
public final class Charts {

    private Charts() {
    }

    public static JFreeChart bars(String title, String valueLabel, CategoryDataset data, boolean legend) {
        return io.shoplens.engine.charts.Charts.bars(title, valueLabel, data, legend);
    }

    public static JFreeChart bars(String title, String valueLabel, CategoryDataset data, boolean legend,
                                  PlotOrientation orientation, NumberFormat valueFormat) {
        return io.shoplens.engine.charts.Charts.bars(title, valueLabel, data, legend, orientation, valueFormat);
    }

    public static JFreeChart timeLines(String title, String valueLabel, XYDataset data, boolean legend,
                                       String datePattern) {
        return io.shoplens.engine.charts.Charts.timeLines(title, valueLabel, data, legend, datePattern);
    }

    static NumberFormat exact() {
        return io.shoplens.engine.charts.Charts.exact();
    }

    public static NumberFormat percent() {
        return io.shoplens.engine.charts.Charts.percent();
    }
}
