package io.shoplens.engine.charts;

import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.data.category.CategoryDataset;

/**
 * Labels on the bars of a chart whose empty parts (a stacked chart's zero or missing values) stay
 * unlabelled: {@code label} names each other bar by its row and column.
 */
public final class BarLabels implements CategoryItemLabelGenerator {

    /** The text on the bar of {@code row} (series) and {@code column} (category), or null for none. */
    @FunctionalInterface
    public interface Label {
        String of(CategoryDataset dataset, int row, int column);
    }

    private final Label label;

    public BarLabels(Label label) {
        this.label = label;
    }

    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
        return String.valueOf(dataset.getRowKey(row));
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
        return String.valueOf(dataset.getColumnKey(column));
    }

    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
        Number value = dataset.getValue(row, column);
        return value == null || value.doubleValue() == 0 ? null : label.of(dataset, row, column);
    }
}
