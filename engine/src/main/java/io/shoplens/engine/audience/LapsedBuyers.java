package io.shoplens.engine.audience;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import static io.shoplens.engine.audience.PeriodActions.DATE;
import static io.shoplens.engine.audience.PeriodActions.IN_BASE;
import static io.shoplens.engine.audience.PeriodActions.IN_CURRENT;
import static io.shoplens.engine.audience.PeriodActions.PAY_CATEGORIES;
import static io.shoplens.engine.audience.PeriodActions.PAY_PRODUCTS;
import static io.shoplens.engine.audience.PeriodActions.USER_ID;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.analysis.ResultTable;

/**
 * Habit buyers who stop, and what they buy instead (docs/ANALYSES.md, audience,
 * lapsed_substitutes and lapsed_summary). A user pays for an item when a pay action of theirs
 * holds it (its category or product list); a pay counts once per item.
 */
final class LapsedBuyers {

    static final String SUBSTITUTES = "lapsed_substitutes";
    static final List<String> SUBSTITUTE_COLUMNS =
            List.of("lapsed", "rank", "item", "buyers", "pays", "share", "switch_index");
    static final String SUMMARY = "lapsed_summary";
    static final List<String> SUMMARY_COLUMNS = List.of("lapsed", "habit_buyers", "lapsed_buyers", "lapse_rate");

    /** Habits studied when none is given: the categories with most pay actions in the base period. */
    static final int DEFAULT_HABITS = 3;
    static final int TOP = 10;

    private static final String LEVEL = "level";
    private static final String ITEM_ID = "item_id";
    private static final String ORDER = "order";

    private LapsedBuyers() {
    }

    /**
     * {@code given} without repeats, in the order given; when empty, the {@value #DEFAULT_HABITS}
     * categories with most pay actions in the base period, ties by category id ascending.
     */
    static List<Item> habitsOf(List<Item> given, Dataset<Row> actions) {
        if (!given.isEmpty()) {
            return withoutRepeats(given);
        }
        List<Item> items = new ArrayList<>();
        payItems(actions).filter(col(IN_BASE).and(col(LEVEL).equalTo(Item.Level.CATEGORY.id())))
                .groupBy(ITEM_ID).agg(count(lit(1)).as("pays"))
                .orderBy(col("pays").desc(), col(ITEM_ID).asc())
                .limit(DEFAULT_HABITS)
                .collectAsList()
                .forEach(r -> items.add(new Item(Item.Level.CATEGORY, r.getLong(0))));
        return items;
    }

    /** {@code items} in their order, each at its first place. */
    static List<Item> withoutRepeats(List<Item> items) {
        return List.copyOf(new LinkedHashSet<>(items));
    }

    /**
     * lapsed_substitutes and lapsed_summary, in the order of {@code habits}, then rank.
     *
     * @param habits    the items studied, in output order
     * @param actions   {@link PeriodActions}
     * @param habitDays distinct pay dates in the base period that make a habit
     */
    static List<ResultTable> tables(SparkSession spark, List<Item> habits, Dataset<Row> actions, int habitDays) {
        Dataset<Row> items = itemsTable(spark, habits);
        Dataset<Row> pays = payItems(actions);
        Dataset<Row> habitBuyers = pays.filter(col(IN_BASE))
                .join(items, using(LEVEL, ITEM_ID))
                .groupBy(ORDER, LEVEL, ITEM_ID, USER_ID)
                .agg(countDistinct(col(DATE)).as("days"))
                .filter(col("days").geq(habitDays))
                .select(ORDER, LEVEL, ITEM_ID, USER_ID);
        Dataset<Row> currentPayers = pays.filter(col(IN_CURRENT)).select(LEVEL, ITEM_ID, USER_ID).distinct();
        Dataset<Row> lapsed = habitBuyers.join(currentPayers, using(LEVEL, ITEM_ID, USER_ID), "left_anti");

        Dataset<Row> habitCounts = habitBuyers.groupBy(ORDER).agg(count(lit(1)).as("habit_buyers"));
        Dataset<Row> lapsedCounts = lapsed.groupBy(ORDER).agg(count(lit(1)).as("lapsed_buyers"));
        Dataset<Row> summary = items.join(habitCounts, using(ORDER), "left").join(lapsedCounts, using(ORDER), "left")
                .select(col(ORDER), col("lapsed"), coalesce(col("habit_buyers"), lit(0L)).as("habit_buyers"),
                        coalesce(col("lapsed_buyers"), lit(0L)).as("lapsed_buyers"))
                .withColumn("lapse_rate", ratio(col("lapsed_buyers"), col("habit_buyers")));

        long activeNow = actions.filter(col(IN_CURRENT)).select(USER_ID).distinct().count();
        Dataset<Row> payerShares = currentPayers.groupBy(LEVEL, ITEM_ID)
                .agg(count(lit(1)).as("payers"))
                .select(col(LEVEL), col(ITEM_ID).as("substitute"),
                        ratio(col("payers"), lit(activeNow)).as("payer_share"));
        Dataset<Row> switched = lapsed.select(ORDER, LEVEL, USER_ID)
                .join(pays.filter(col(IN_CURRENT)).select(col(USER_ID), col(LEVEL), col(ITEM_ID).as("substitute")),
                        using(USER_ID, LEVEL))
                .groupBy(ORDER, LEVEL, "substitute")
                .agg(count(lit(1)).as("pays"), countDistinct(col(USER_ID)).as("buyers"));
        Column share = ratio(col("buyers"), col("lapsed_buyers"));
        Dataset<Row> substitutes = switched
                .join(summary.select(ORDER, "lapsed", "lapsed_buyers"), ORDER)
                .join(payerShares, using(LEVEL, "substitute"))
                .withColumn("rank", row_number().over(Window.partitionBy(ORDER)
                        .orderBy(col("pays").desc(), col("substitute").asc())).cast(DataTypes.LongType))
                .filter(col("rank").leq(TOP))
                .select(col(ORDER), col("lapsed"), col("rank"),
                        concat(col(LEVEL), lit(":"), col("substitute").cast(DataTypes.StringType)).as("item"),
                        col("buyers"), col("pays"), share.as("share"),
                        share.divide(col("payer_share")).as("switch_index"));
        return List.of(
                ResultTable.of(SUBSTITUTES, ResultTable.ordered(substitutes, col(ORDER), col("rank")).drop(ORDER)),
                ResultTable.of(SUMMARY, ResultTable.ordered(summary, col(ORDER)).drop(ORDER)));
    }

    /**
     * One row per pay action and item it holds, at both levels: {@code user_id, date, in_base,
     * in_current, level} ({@code category} or {@code product}) and {@code item_id}.
     */
    static Dataset<Row> payItems(Dataset<Row> actions) {
        return itemsAt(actions, Item.Level.CATEGORY, PAY_CATEGORIES).union(itemsAt(actions, Item.Level.PRODUCT, PAY_PRODUCTS));
    }

    private static Dataset<Row> itemsAt(Dataset<Row> actions, Item.Level level, String list) {
        return actions.select(col(USER_ID), col(DATE), col(IN_BASE), col(IN_CURRENT), lit(level.id()).as(LEVEL),
                explode(col(list)).as(ITEM_ID));
    }

    private static Dataset<Row> itemsTable(SparkSession spark, List<Item> habits) {
        StructType schema = new StructType().add(ORDER, DataTypes.IntegerType).add("lapsed", DataTypes.StringType)
                .add(LEVEL, DataTypes.StringType).add(ITEM_ID, DataTypes.LongType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < habits.size(); i++) {
            Item item = habits.get(i);
            rows.add(RowFactory.create(i, item.toString(), item.level().id(), item.id()));
        }
        return spark.createDataFrame(rows, schema);
    }

    /** numerator / denominator as a double; empty when the denominator is 0. */
    private static Column ratio(Column numerator, Column denominator) {
        return when(denominator.gt(0), numerator.cast(DataTypes.DoubleType).divide(denominator.cast(DataTypes.DoubleType)));
    }

    private static String[] using(String... columns) {
        return columns;
    }
}
