package io.shoplens.engine.analysis;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.logs.DefaultCities;
import io.shoplens.engine.logs.LogKind;

/**
 * The inputs of every analysis: one DataFrame per log kind, in the workspace form described on
 * {@link LogKind} (typed columns, then {@code source_file}, {@code source_line}). A kind with no
 * data is an empty DataFrame of its schema; cities default to the platform's table.
 */
public record LogTables(Dataset<Row> actions, Dataset<Row> users, Dataset<Row> products,
                        Dataset<Row> cities, Dataset<Row> adClicks) {

    /** Tables with no rows at all (and the default cities). */
    public static LogTables empty(SparkSession spark) {
        return new LogTables(emptyOf(spark, LogKind.USER_VISIT_ACTION), emptyOf(spark, LogKind.USER_INFO),
                emptyOf(spark, LogKind.PRODUCT_INFO), DefaultCities.table(spark), emptyOf(spark, LogKind.AD_CLICK));
    }

    public static Dataset<Row> emptyOf(SparkSession spark, LogKind kind) {
        return spark.createDataFrame(List.<Row>of(), kind.storedSchema());
    }

    public LogTables withActions(Dataset<Row> table) {
        return new LogTables(table, users, products, cities, adClicks);
    }

    public LogTables withUsers(Dataset<Row> table) {
        return new LogTables(actions, table, products, cities, adClicks);
    }

    public LogTables withProducts(Dataset<Row> table) {
        return new LogTables(actions, users, table, cities, adClicks);
    }

    public LogTables withCities(Dataset<Row> table) {
        return new LogTables(actions, users, products, table, adClicks);
    }

    public LogTables withAdClicks(Dataset<Row> table) {
        return new LogTables(actions, users, products, cities, table);
    }
}
