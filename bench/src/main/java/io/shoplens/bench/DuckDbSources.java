package io.shoplens.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.DatasetInfo;

/**
 * Makes the five relations DuckDB's SQL reads ({@code actions}, {@code users}, {@code products},
 * {@code cities}, {@code ad_clicks}) in the engine's workspace form (LogKind): unset ids NULL,
 * {@code product_status} and {@code price} out of extend_info, {@code source_file} and
 * {@code source_line} for the session order's tie-break.
 */
final class DuckDbSources {

    private DuckDbSources() {
    }

    /**
     * (a) The generated CSV files, loaded into DuckDB's own in-memory tables: DuckDB's
     * equivalent of ShopLens's import. The CSV reader has no line-number column, so
     * {@code source_line} is the row's position (+1 for the header) in insertion order, which
     * DuckDB keeps by default ({@code preserve_insertion_order}).
     */
    static void loadCsv(Connection db, Path logs) throws SQLException {
        String actions = csv(logs.resolve("user_visit_action.csv"), """
                {'date': 'DATE', 'user_id': 'BIGINT', 'session_id': 'VARCHAR', 'page_id': 'BIGINT',
                 'action_time': 'TIMESTAMP', 'search_keyword': 'VARCHAR', 'click_category_id': 'BIGINT',
                 'click_product_id': 'BIGINT', 'order_category_ids': 'VARCHAR', 'order_product_ids': 'VARCHAR',
                 'pay_category_ids': 'VARCHAR', 'pay_product_ids': 'VARCHAR', 'city_id': 'BIGINT',
                 'channel': 'VARCHAR', 'pay_amount': 'DOUBLE'}""");
        String file = sqlText(logs.resolve("user_visit_action.csv").toString());
        execute(db, "CREATE OR REPLACE TABLE actions AS SELECT date, " + unsetId("user_id") + ", session_id, "
                + unsetId("page_id") + ", action_time, search_keyword, " + unsetId("click_category_id") + ", "
                + unsetId("click_product_id") + ", " + unsetList("order_category_ids") + ", "
                + unsetList("order_product_ids") + ", " + unsetList("pay_category_ids") + ", "
                + unsetList("pay_product_ids") + ", " + unsetId("city_id") + ", channel, pay_amount, "
                + file + " AS source_file, row_number() OVER () + 1 AS source_line FROM " + actions);
        execute(db, "CREATE OR REPLACE TABLE users AS SELECT " + unsetId("user_id") + ", username, name, age,"
                + " professional, city, sex FROM " + csv(logs.resolve("user_info.csv"), """
                {'user_id': 'BIGINT', 'username': 'VARCHAR', 'name': 'VARCHAR', 'age': 'INTEGER',
                 'professional': 'VARCHAR', 'city': 'VARCHAR', 'sex': 'VARCHAR'}"""));
        execute(db, "CREATE OR REPLACE TABLE products AS SELECT " + unsetId("product_id") + ", product_name,"
                + " extend_info,"
                + " CAST(json_extract_string(extend_info, '$.product_status') AS INTEGER) AS product_status,"
                + " CAST(json_extract_string(extend_info, '$.price') AS DOUBLE) AS price FROM "
                + csv(logs.resolve("product_info.csv"),
                "{'product_id': 'BIGINT', 'product_name': 'VARCHAR', 'extend_info': 'VARCHAR'}"));
        execute(db, "CREATE OR REPLACE TABLE cities AS SELECT " + unsetId("city_id") + ", city_name, area FROM "
                + csv(logs.resolve("city_info.csv"), "{'city_id': 'BIGINT', 'city_name': 'VARCHAR', 'area': 'VARCHAR'}"));
        execute(db, "CREATE OR REPLACE TABLE ad_clicks AS SELECT timestamp, province, city, " + unsetId("user_id")
                + ", " + unsetId("ad_id") + " FROM " + csv(logs.resolve("ad_click.csv"), """
                {'timestamp': 'BIGINT', 'province': 'VARCHAR', 'city': 'VARCHAR', 'user_id': 'BIGINT',
                 'ad_id': 'BIGINT'}"""));
    }

    /**
     * (b) The Parquet files ShopLens's import wrote, as views: both engines then read the very same
     * bytes, so the difference is the engine, not the file layout. user_visit_action is
     * partitioned by {@code date=…} folders, which DuckDB reads as a hive partition column.
     */
    static void viewParquet(Connection db, List<DatasetInfo> datasets) throws SQLException {
        for (LogKind kind : LogKind.values()) {
            List<String> paths = datasets.stream().filter(d -> d.kind() == kind && d.rowsAccepted() > 0)
                    .map(d -> sqlText(Path.of(d.dataLocation()).resolve("**").resolve("*.parquet").toString())).toList();
            if (paths.isEmpty() && kind == LogKind.CATEGORY_INFO) {
                continue; // optional, and no analysis reads it yet
            }
            if (paths.isEmpty()) {
                throw new IllegalStateException("No imported " + kind.id() + " to benchmark on");
            }
            String columns = String.join(", ", kind.storedSchema().fieldNames());
            execute(db, "CREATE OR REPLACE VIEW " + relation(kind) + " AS SELECT " + columns + " FROM read_parquet(["
                    + String.join(", ", paths) + "], hive_partitioning = " + (kind == LogKind.USER_VISIT_ACTION)
                    + ", union_by_name = true)");
        }
    }

    static void execute(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    private static String relation(LogKind kind) {
        return switch (kind) {
            case USER_VISIT_ACTION -> "actions";
            case USER_INFO -> "users";
            case PRODUCT_INFO -> "products";
            case CITY_INFO -> "cities";
            case AD_CLICK -> "ad_clicks";
            case CATEGORY_INFO -> "categories";
        };
    }

    private static String csv(Path file, String columns) {
        return "read_csv(" + sqlText(file.toString()) + ", header = true, auto_detect = false, quote = '\"',"
                + " escape = '\"', delim = ',', timestampformat = '%Y-%m-%d %H:%M:%S', columns = " + columns + ")";
    }

    private static String unsetId(String column) {
        return "nullif(" + column + ", -1) AS " + column;
    }

    /** An id list is unset when empty, {@code null} or {@code -1} (RowParser). */
    private static String unsetList(String column) {
        return "CASE WHEN trim(" + column + ") = '' OR lower(trim(" + column + ")) = 'null' OR trim(" + column
                + ") = '-1' THEN NULL ELSE " + column + " END AS " + column;
    }

    private static String sqlText(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
