package io.shoplens.app.overview;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.time.LocalDate;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/** A day-by-day line without axes, grid or legend: the trend of one number at a glance. */
final class Sparklines {

    private Sparklines() {
    }

    static JFreeChart of(String name, List<LocalDate> days, List<Double> values, Paint paint) {
        TimeSeries series = new TimeSeries(name);
        for (int i = 0; i < days.size(); i++) {
            LocalDate d = days.get(i);
            series.add(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), values.get(i));
        }
        DateAxis time = new DateAxis();
        time.setVisible(false);
        NumberAxis value = new NumberAxis();
        value.setVisible(false);
        value.setAutoRangeIncludesZero(false);
        XYAreaRenderer renderer = new XYAreaRenderer(XYAreaRenderer.AREA_AND_SHAPES);
        Color line = paint instanceof Color c ? c : Color.GRAY;
        renderer.setSeriesPaint(0, new Color(line.getRed(), line.getGreen(), line.getBlue(), 48));
        renderer.setOutline(true);
        renderer.setSeriesOutlinePaint(0, line);
        renderer.setSeriesOutlineStroke(0, new BasicStroke(1.6f));
        renderer.setDefaultToolTipGenerator(new org.jfree.chart.labels.StandardXYToolTipGenerator(
                "{1}: {2}", new java.text.SimpleDateFormat("yyyy-MM-dd"), java.text.NumberFormat.getNumberInstance()));
        XYPlot plot = new XYPlot(new TimeSeriesCollection(series), time, value, renderer);
        plot.setBackgroundPaint(null);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setInsets(new RectangleInsets(2, 0, 2, 0));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(null);
        chart.setPadding(RectangleInsets.ZERO_INSETS);
        return chart;
    }
}
