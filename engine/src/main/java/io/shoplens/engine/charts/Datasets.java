package io.shoplens.engine.charts;

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
        return bars(table, categoryColumn, String::valueOf, valueColumns, seriesName);
    }

    /** As {@link #bars(ResultTable, String, List, Function)}, each category keyed by {@code categoryName} of its value. */
    public static DefaultCategoryDataset bars(ResultTable table, String categoryColumn,
                                              Function<Object, String> categoryName, List<String> valueColumns,
                                              Function<String, String> seriesName) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int category = table.columnIndex(categoryColumn);
        for (String valueColumn : valueColumns) {
            int value = table.columnIndex(valueColumn);
            for (List<Object> row : table.rows()) {
                data.addValue(number(row.get(value)), seriesName.apply(valueColumn), categoryName.apply(row.get(category)));
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

    /**
     * Values either side of zero as two series, {@code positive} and {@code negative}, each value
     * in the one of its sign and 0 in the other, one category per label in the given order: what
     * {@link Charts#divergingBars} stacks into one bar per label.
     */
    public static DefaultCategoryDataset diverging(List<String> labels, List<Double> values, String positive,
                                                   String negative) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < labels.size(); i++) {
            double value = values.get(i);
            data.addValue(value > 0 ? value : 0.0, positive, labels.get(i));
            data.addValue(value < 0 ? value : 0.0, negative, labels.get(i));
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

    /**
     * Per-minute lines of the {@code limit} keys with the highest sum (ties: the smaller key first),
     * with every minute between the first and the last one of the table present, quiet minutes as
     * 0: the tables list only minutes with clicks, and a line drawn straight across a gap would
     * show clicks that did not happen.
     */
    public static TimeSeriesCollection minutesFilled(ResultTable table, String minuteColumn, String seriesColumn,
                                                     String valueColumn, Function<Object, String> seriesName,
                                                     int limit) {
        int minute = table.columnIndex(minuteColumn);
        int key = table.columnIndex(seriesColumn);
        int value = table.columnIndex(valueColumn);
        java.util.Map<Object, java.util.Map<LocalDateTime, Double>> byKey = new java.util.HashMap<>();
        java.util.TreeSet<LocalDateTime> minutes = new java.util.TreeSet<>();
        for (List<Object> row : table.rows()) {
            LocalDateTime t = row.get(minute) instanceof LocalDateTime ldt ? ldt
                    : LocalDateTime.parse(String.valueOf(row.get(minute)), MINUTE);
            Number n = number(row.get(value));
            minutes.add(t);
            byKey.computeIfAbsent(row.get(key), k -> new java.util.HashMap<>())
                    .merge(t, n == null ? 0.0 : n.doubleValue(), Double::sum);
        }
        java.util.Comparator<Object> byName = java.util.Comparator.comparing(k -> k instanceof Number nk
                ? String.format("%020d", nk.longValue()) : String.valueOf(k));
        List<Object> keys = byKey.keySet().stream()
                .sorted(java.util.Comparator.<Object>comparingDouble(k -> -byKey.get(k).values().stream()
                        .mapToDouble(Double::doubleValue).sum()).thenComparing(byName))
                .limit(limit).toList();
        TimeSeriesCollection collection = new TimeSeriesCollection();
        if (minutes.isEmpty()) {
            return collection;
        }
        for (Object k : keys) {
            TimeSeries series = new TimeSeries(seriesName.apply(k));
            java.util.Map<LocalDateTime, Double> values = byKey.get(k);
            for (LocalDateTime t = minutes.first(); !t.isAfter(minutes.last()); t = t.plusMinutes(1)) {
                series.add(new Minute(t.getMinute(), t.getHour(), t.getDayOfMonth(), t.getMonthValue(), t.getYear()),
                        values.getOrDefault(t, 0.0));
            }
            collection.addSeries(series);
        }
        return collection;
    }

    private static Number number(Object value) {
        return value instanceof Number n ? n : null;
    }
}
