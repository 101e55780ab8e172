package io.shoplens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shoplens.engine.analysis.ResultTable;

/**
 * Whether the other systems computed the same numbers as ShopLens: every table another system
 * computed is compared cell by cell with ShopLens's table of that name (DuckDB: every table of
 * {@link DuckDbAnalyses}; RDD: visit_length, step_length, page_jumps).
 */
final class Agreement {

    private Agreement() {
    }

    /** Differences, empty when every system agrees with ShopLens; {@code others} maps system to its tables. */
    static List<String> check(Map<String, ResultTable> shopLens, Map<String, Map<String, ResultTable>> others) {
        List<String> out = new ArrayList<>();
        others.forEach((system, tables) -> {
            if (tables.isEmpty()) {
                out.add(system + " computed no tables");
            }
            tables.forEach((name, table) -> {
                ResultTable expected = shopLens.get(name);
                if (expected == null) {
                    out.add("ShopLens has no table " + name + " to compare " + system + " with");
                } else {
                    out.addAll(TableComparison.differences("ShopLens vs " + system + ":", expected, table));
                }
            });
        });
        return out;
    }
}
