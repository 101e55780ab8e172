package io.shoplens.app.engine;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.analysis.CategoryNames;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.Workspace;

/**
 * The values the filter pickers offer: distinct professionals, cities and sexes of user_info and
 * clicked categories of the actions and their names in category_info (small distinct queries; user_info is small and the category
 * column is one Parquet column), and the date span from the catalog (no Spark).
 */
final class FilterChoiceQuery {

    private FilterChoiceQuery() {
    }

    static FilterChoices compute(Workspace ws, SparkSession spark) {
        List<DatasetInfo> datasets = ws.datasets().all();
        if (datasets.isEmpty()) {
            return FilterChoices.EMPTY;
        }
        LogTables tables = ws.tables(spark);
        Dataset<Row> users = tables.users();
        return new FilterChoices(distinctText(users, "professional"), distinctText(users, "city"),
                distinctText(users, "sex"), categories(tables.actions()),
                datasets.stream().filter(d -> d.kind() == LogKind.USER_VISIT_ACTION).map(DatasetInfo::minDate)
                        .filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null),
                datasets.stream().filter(d -> d.kind() == LogKind.USER_VISIT_ACTION).map(DatasetInfo::maxDate)
                        .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null),
                CategoryNames.of(tables));
    }

    private static List<String> distinctText(Dataset<Row> table, String column) {
        return table.select(col(column)).where(col(column).isNotNull()).distinct().orderBy(col(column))
                .collectAsList().stream().map(r -> r.getString(0)).filter(s -> !s.isBlank()).toList();
    }

    private static List<Long> categories(Dataset<Row> actions) {
        return actions.select(col("click_category_id")).where(col("click_category_id").isNotNull()
                        .and(col("click_category_id").geq(0)))
                .distinct().orderBy(col("click_category_id"))
                .collectAsList().stream().map(r -> r.getLong(0)).toList();
    }
}
