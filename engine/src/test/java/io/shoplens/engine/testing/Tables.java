package io.shoplens.engine.testing;

import java.util.List;
import java.util.stream.Collectors;

import io.shoplens.engine.analysis.ResultTable;

/** Result rows as {@code |}-joined text in the CSV form of each value, for exact comparisons. */
public final class Tables {

    private Tables() {
    }

    public static List<String> lines(ResultTable table) {
        return table.rows().stream()
                .map(row -> row.stream().map(ResultTable::format).collect(Collectors.joining("|")))
                .toList();
    }
}
