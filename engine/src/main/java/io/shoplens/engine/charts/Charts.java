package io.shoplens.engine.charts;

import java.text.DecimalFormat;
import java.text.NumberFormat;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;

/** The chart shapes of the app and the reports, each built with tooltips that show exact values and the {@link ChartTheme}. */
public final class Charts {

    private Charts() {
    }

    /** Vertical (grouped when the dataset has several rows) bars. */
    public static JFreeChart bars(String title, String valueLabel, CategoryDataset data, boolean legend) {
        return bars(title, valueLabel, data, legend, PlotOrientation.VERTICAL, NumberFormat.getIntegerInstance());
    }

    public static JFreeChart bars(String title, String valueLabel, CategoryDataset data, boolean legend,
                                  PlotOrientation orientation, NumberFormat valueFormat) {
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, data, orientation, legend, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        // Exact values in the tooltip: "series, category = value" with all digits.
        plot.getRenderer().setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator(
                "{0}, {1} = {2}", exact()));
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(valueFormat);
        if (orientation == PlotOrientation.VERTICAL && data.getColumnCount() > 7) {
            // Many narrow bars: slanted labels stay readable where level ones would be cut to "...".
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        return ChartTheme.apply(chart);
    }

    /**
     * Stacked bars: each category's series on top of one another (or, on a horizontal chart, end
     * to end), e.g. the units that reached a step and those that dropped before it.
     */
    public static JFreeChart stackedBars(String title, String valueLabel, CategoryDataset data, boolean legend,
                                         PlotOrientation orientation, NumberFormat valueFormat) {
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, valueLabel, data, orientation, legend, true,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRenderer().setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{0}, {1} = {2}", exact()));
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(valueFormat);
        return ChartTheme.apply(chart);
    }

    /**
     * Horizontal bars either side of zero, one per category, in the dataset's order: a dataset of
     * two series (e.g. {@link Datasets#diverging}) stacked, so each bar takes the colour of its side.
     */
    public static JFreeChart divergingBars(String title, String valueLabel, CategoryDataset data, boolean legend) {
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, valueLabel, data,
                PlotOrientation.HORIZONTAL, legend, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRenderer().setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1} = {2}", exact()));
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new DecimalFormat("0.0"));
        ChartTheme.apply(chart);
        // One bar per row: the theme's thin grouped bars would leave most of each row empty.
        ((org.jfree.chart.renderer.category.BarRenderer) plot.getRenderer()).setMaximumBarWidth(0.8);
        plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(0, ChartTheme.MUTED, new java.awt.BasicStroke(1f)));
        return chart;
    }

    /** Lines over time (a {@code TimeSeriesCollection}). */
    public static JFreeChart timeLines(String title, String valueLabel, XYDataset data, boolean legend,
                                       String datePattern) {
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, valueLabel, data, legend, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}, {1} = {2}",
                new java.text.SimpleDateFormat(datePattern), exact()));
        ChartTheme.apply(chart);
        return chart;
    }

    /** Lines over whole numbers (e.g. weeks), each point marked: a few points per line. */
    public static JFreeChart steps(String title, String xLabel, String valueLabel, XYSeriesCollection data,
                                   boolean legend) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, valueLabel, data, PlotOrientation.VERTICAL,
                legend, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}, {1} = {2}", exact(),
                exact()));
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ChartTheme.apply(chart);
        if (plot.getRenderer() instanceof XYLineAndShapeRenderer lines) {
            lines.setDefaultShapesVisible(true);
        }
        return chart;
    }

    /** All the digits a double has, grouping for readability. */
    public static NumberFormat exact() {
        DecimalFormat format = new DecimalFormat("#,##0.################");
        return format;
    }

    public static NumberFormat percent() {
        NumberFormat format = NumberFormat.getPercentInstance();
        format.setMaximumFractionDigits(1);
        return format;
    }
}
