package io.shoplens.engine.imports;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.Workspace;

/** Reads back what an import stored, as {@code |}-joined rows in source line order. */
final class TestTables {

    private TestTables() {
    }

    static List<String> rows(Workspace ws, FileReport report, String columns) {
        LogTables tables = ws.tables(TestSpark.session(), List.of(report.datasetId().orElseThrow()));
        Dataset<Row> table = switch (report.kind().orElseThrow()) {
            case USER_VISIT_ACTION -> tables.actions();
            case USER_INFO -> tables.users();
            case PRODUCT_INFO -> tables.products();
            case CITY_INFO -> tables.cities();
            case AD_CLICK -> tables.adClicks();
            case CATEGORY_INFO -> tables.categories();
        };
        return table.orderBy("source_file", "source_line").selectExpr(columns.split(",\\s*")).collectAsList().stream()
                .map(r -> {
                    StringBuilder s = new StringBuilder();
                    for (int i = 0; i < r.size(); i++) {
                        s.append(i == 0 ? "" : "|").append(r.isNullAt(i) ? "null" : String.valueOf(r.get(i)));
                    }
                    return s.toString();
                }).toList();
    }
}
