package io.shoplens.app.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.shoplens.engine.analysis.ResultTable;

/** Result tables with a column's values in words, for a chart's categories (category ids as their names). */
public final class CategoryLabels {

    private CategoryLabels() {
    }

    /**
     * {@code table} with {@code column} replaced by {@code label} of each value; {@code valueOf}
     * receives label → value, so a click on a labelled bar finds the value again.
     */
    public static ResultTable relabel(ResultTable table, String column, Function<Object, String> label,
                                      Map<String, Object> valueOf) {
        int index = table.columnIndex(column);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            List<Object> copy = new ArrayList<>(row);
            String text = label.apply(row.get(index));
            valueOf.put(text, row.get(index));
            copy.set(index, text);
            rows.add(copy);
        }
        return new ResultTable(table.name(), table.columns(), rows);
    }
}
