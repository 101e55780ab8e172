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
 * data is an empty DataFrame of its schema; cities default to the platform's table. Categories
 * (category_info, optional) name the category ids; no analysis reads them yet.
 *
 * @param actionsFromOneFile every action has the same {@code source_file}, as the workspace knows
 *                           from its catalog. Session order is then the same without the file
 *                           name, and the session model leaves it out of its per-session
 *                           pass. False when not known.
 */
public record LogTables(Dataset<Row> actions, Dataset<Row> users, Dataset<Row> products,
                        Dataset<Row> cities, Dataset<Row> adClicks, Dataset<Row> categories,
                        boolean actionsFromOneFile) {

    /** Tables whose actions may come from several files, without category names. */
    public LogTables(Dataset<Row> actions, Dataset<Row> users, Dataset<Row> products, Dataset<Row> cities,
                     Dataset<Row> adClicks) {
        this(actions, users, products, cities, adClicks, emptyOf(actions.sparkSession(), LogKind.CATEGORY_INFO), false);
    }

    /** Tables with no rows at all (and the default cities). */
    public static LogTables empty(SparkSession spark) {
        return new LogTables(emptyOf(spark, LogKind.USER_VISIT_ACTION), emptyOf(spark, LogKind.USER_INFO),
                emptyOf(spark, LogKind.PRODUCT_INFO), DefaultCities.table(spark), emptyOf(spark, LogKind.AD_CLICK));
    }

    public static Dataset<Row> emptyOf(SparkSession spark, LogKind kind) {
        return spark.createDataFrame(List.<Row>of(), kind.storedSchema());
    }

    public LogTables withActions(Dataset<Row> table) {
        return new LogTables(table, users, products, cities, adClicks, categories, false);
    }

    public LogTables withUsers(Dataset<Row> table) {
        return new LogTables(actions, table, products, cities, adClicks, categories, actionsFromOneFile);
    }

    public LogTables withProducts(Dataset<Row> table) {
        return new LogTables(actions, users, table, cities, adClicks, categories, actionsFromOneFile);
    }

    public LogTables withCities(Dataset<Row> table) {
        return new LogTables(actions, users, products, table, adClicks, categories, actionsFromOneFile);
    }

    public LogTables withAdClicks(Dataset<Row> table) {
        return new LogTables(actions, users, products, cities, table, categories, actionsFromOneFile);
    }

    public LogTables withCategories(Dataset<Row> table) {
        return new LogTables(actions, users, products, cities, adClicks, table, actionsFromOneFile);
    }
}
