package io.shoplens.app.charts;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Puts new values into the datasets a chart already shows, instead of building a new chart: the
 * chart keeps its zoom, colours and tooltips, and redraws once (live views refresh every few seconds).
 */
public final class DatasetUpdates {

    private DatasetUpdates() {
    }

    /** Runs {@code change} with the chart's change events held back, then redraws it once. */
    public static void quietly(JFreeChart chart, Runnable change) {
        boolean notify = chart.isNotify();
        chart.setNotify(false);
        try {
            change.run();
        } finally {
            chart.setNotify(notify);
        }
    }

    /** Makes {@code target} hold exactly the values of {@code fresh}, row and column keys in fresh's order. */
    public static void replace(DefaultCategoryDataset target, CategoryDataset fresh) {
        target.clear();
        for (int r = 0; r < fresh.getRowCount(); r++) {
            for (int c = 0; c < fresh.getColumnCount(); c++) {
                Number value = fresh.getValue(r, c);
                if (value != null) {
                    target.addValue(value, fresh.getRowKey(r), fresh.getColumnKey(c));
                }
            }
        }
    }

    /**
     * Makes {@code target} hold the series of {@code fresh}: a series that stays keeps its place
     * (and so its colour), a gone one is removed, a new one is added at the end.
     */
    public static void replace(TimeSeriesCollection target, TimeSeriesCollection fresh) {
        List<Comparable<?>> keep = new ArrayList<>();
        for (int i = 0; i < fresh.getSeriesCount(); i++) {
            keep.add(fresh.getSeriesKey(i));
        }
        for (int i = target.getSeriesCount() - 1; i >= 0; i--) {
            if (!keep.contains(target.getSeriesKey(i))) {
                target.removeSeries(i);
            }
        }
        for (int i = 0; i < fresh.getSeriesCount(); i++) {
            TimeSeries source = fresh.getSeries(i);
            TimeSeries existing = target.getSeries(source.getKey());
            if (existing == null) {
                target.addSeries(copy(source));
            } else {
                existing.setNotify(false);
                existing.clear();
                for (int item = 0; item < source.getItemCount(); item++) {
                    existing.add(source.getDataItem(item), false);
                }
                existing.setNotify(true);
            }
        }
    }

    private static TimeSeries copy(TimeSeries source) {
        TimeSeries series = new TimeSeries(source.getKey());
        for (int item = 0; item < source.getItemCount(); item++) {
            series.add(source.getDataItem(item), false);
        }
        return series;
    }
}
