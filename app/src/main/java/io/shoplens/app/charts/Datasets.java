package io.shoplens.app.charts;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.Minute;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import io.shoplens.engine.analysis.ResultTable;

/** Chart data from result tables: plain Java over a few hundred rows, no Spark. */
public final class Datasets {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Datasets() {
    }

    /**
     * One series per value column (named by {@code seriesName}), one category per row, keyed by
     * the text of {@code categoryColumn}.
     */
    public static DefaultCategoryDataset bars(ResultTable table, String categoryColumn, List<String> valueColumns,
                                              Function<String, String> seriesName) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int category = table.columnIndex(categoryColumn);
        for (String valueColumn : valueColumns) {
            int value = table.columnIndex(valueColumn);
            for (List<Object> row : table.rows()) {
                data.addValue(number(row.get(value)), seriesName.apply(valueColumn), String.valueOf(row.get(category)));
            }
        }
        return data;
    }

    /**
     * Long-form rows to grouped bars: a series per distinct {@code seriesColumn} value, a category
     * per distinct {@code categoryColumn} value, in row order.
     */
    public static DefaultCategoryDataset pivot(List<List<Object>> rows, ResultTable table, String categoryColumn,
                                               String seriesColumn, String valueColumn,
                                               Function<Object, String> seriesName) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int category = table.columnIndex(categoryColumn);
        int series = table.columnIndex(seriesColumn);
        int value = table.columnIndex(valueColumn);
        for (List<Object> row : rows) {
            data.addValue(number(row.get(value)), seriesName.apply(row.get(series)), String.valueOf(row.get(category)));
        }
        return data;
    }

    /** A daily series from a date column ({@link LocalDate}, or its text). */
    public static TimeSeries days(ResultTable table, String dateColumn, String valueColumn, String name) {
        TimeSeries series = new TimeSeries(name);
        int date = table.columnIndex(dateColumn);
        int value = table.columnIndex(valueColumn);
        for (List<Object> row : table.rows()) {
            LocalDate day = row.get(date) instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(row.get(date)));
            Number n = number(row.get(value));
            series.addOrUpdate(new Day(day.getDayOfMonth(), day.getMonthValue(), day.getYear()), n);
        }
        return series;
    }

    /** Per-minute series, one per distinct {@code seriesColumn} value. */
    public static TimeSeriesCollection minutes(ResultTable table, String minuteColumn, String seriesColumn,
                                               String valueColumn, Function<Object, String> seriesName) {
        TimeSeriesCollection collection = new TimeSeriesCollection();
        int minute = table.columnIndex(minuteColumn);
        int key = table.columnIndex(seriesColumn);
        int value = table.columnIndex(valueColumn);
        for (List<Object> row : table.rows()) {
            String name = seriesName.apply(row.get(key));
            TimeSeries series = collection.getSeries(name);
            if (series == null) {
                series = new TimeSeries(name);
                collection.addSeries(series);
            }
            LocalDateTime t = row.get(minute) instanceof LocalDateTime ldt ? ldt
                    : LocalDateTime.parse(String.valueOf(row.get(minute)), MINUTE);
            series.addOrUpdate(new Minute(t.getMinute(), t.getHour(), t.getDayOfMonth(), t.getMonthValue(),
                    t.getYear()), number(row.get(value)));
        }
        return collection;
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : null;
    }
}
