package io.shoplens.app.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.trim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        ClickedProducts clicked = mostClickedProducts(tables);
        return new FilterChoices(distinctText(users, "professional"), distinctText(users, "city"),
                distinctText(users, "sex"), categories(tables.actions()),
                datasets.stream().filter(d -> d.kind() == LogKind.USER_VISIT_ACTION).map(DatasetInfo::minDate)
                        .filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null),
                datasets.stream().filter(d -> d.kind() == LogKind.USER_VISIT_ACTION).map(DatasetInfo::maxDate)
                        .filter(Objects::nonNull).max(LocalDate::compareTo).orElse(null),
                CategoryNames.of(tables), pages(tables.actions()), keywords(tables.actions()), clicked.ids(),
                clicked.names());
    }

    /** The keywords and products a funnel step offers: the most used ones, as a picker can hold. */
    static final int MOST_USED = 300;

    private static List<Long> pages(Dataset<Row> actions) {
        return actions.select(col("page_id")).where(col("page_id").isNotNull()).distinct().orderBy(col("page_id"))
                .collectAsList().stream().map(r -> r.getLong(0)).toList();
    }

    private static List<String> keywords(Dataset<Row> actions) {
        return actions.where(col("search_keyword").isNotNull().and(trim(col("search_keyword")).notEqual("")))
                .groupBy(col("search_keyword")).count()
                .orderBy(col("count").desc(), col("search_keyword")).limit(MOST_USED)
                .collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    /** The most clicked product ids, most clicked first, and product_info's names of them. */
    private record ClickedProducts(List<Long> ids, Map<Long, String> names) {
    }

    private static ClickedProducts mostClickedProducts(LogTables tables) {
        Dataset<Row> clicked = tables.actions().where(col("click_product_id").isNotNull()
                        .and(col("click_product_id").geq(0)))
                .groupBy(col("click_product_id").as("product_id")).count()
                .orderBy(col("count").desc(), col("product_id")).limit(MOST_USED);
        Dataset<Row> names = tables.products().select(col("product_id"), col("product_name"))
                .dropDuplicates("product_id");
        List<Long> ids = new ArrayList<>();
        Map<Long, String> named = new HashMap<>();
        for (Row r : clicked.join(names, clicked.col("product_id").equalTo(names.col("product_id")), "left")
                .orderBy(clicked.col("count").desc(), clicked.col("product_id"))
                .select(clicked.col("product_id"), names.col("product_name")).collectAsList()) {
            ids.add(r.getLong(0));
            if (!r.isNullAt(1) && !r.getString(1).isBlank()) {
                named.put(r.getLong(0), r.getString(1));
            }
        }
        return new ClickedProducts(ids, named);
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
