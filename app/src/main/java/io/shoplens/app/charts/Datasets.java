package io.shoplens.app.charts;

import java.util.List;
import java.util.function.Function;

import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import io.shoplens.engine.analysis.ResultTable;

/** Chart data from result tables; the engine's {@link io.shoplens.engine.charts.Datasets}, shared with reports. */
public final class Datasets {

    private Datasets() {
    }

    public static DefaultCategoryDataset bars(ResultTable table, String categoryColumn, List<String> valueColumns,
                                              Function<String, String> seriesName) {
        return io.shoplens.engine.charts.Datasets.bars(table, categoryColumn, valueColumns, seriesName);
    }

    public static DefaultCategoryDataset pivot(List<List<Object>> rows, ResultTable table, String categoryColumn,
                                               String seriesColumn, String valueColumn,
                                               Function<Object, String> seriesName) {
        return io.shoplens.engine.charts.Datasets.pivot(rows, table, categoryColumn, seriesColumn, valueColumn, seriesName);
    }

    public static TimeSeries days(ResultTable table, String dateColumn, String valueColumn, String name) {
        return io.shoplens.engine.charts.Datasets.days(table, dateColumn, valueColumn, name);
    }

    public static TimeSeriesCollection minutes(ResultTable table, String minuteColumn, String seriesColumn,
                                               String valueColumn, Function<Object, String> seriesName) {
        return io.shoplens.engine.charts.Datasets.minutes(table, minuteColumn, seriesColumn, valueColumn, seriesName);
    }

    public static TimeSeriesCollection minutesFilled(ResultTable table, String minuteColumn, String seriesColumn,
                                                     String valueColumn, Function<Object, String> seriesName,
                                                     int limit) {
        return io.shoplens.engine.charts.Datasets.minutesFilled(table, minuteColumn, seriesColumn, valueColumn,
                seriesName, limit);
    }
}
