package io.shoplens.engine.model;

import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_remove;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_diff;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import static io.shoplens.engine.model.SessionColumns.*;

/**
 * Makes the session model from the workspace's log tables in one pass over the actions: one row
 * per session ({@link SessionColumns}) holding its actions in session order and what every
 * analysis asks of a session, and one row per user ({@link UserColumns}).
 *
 * <p>The pass groups actions by session once. A pay action's amount needs the product prices
 * when it has no {@code pay_amount}; those pays are priced on their own (a few per cent of the
 * actions) and joined back by their place in the file, so the grouping stays the only shuffle
 * of every action.
 */
public final class SessionModelBuilder {

    /** Money is summed exactly: sums of doubles depend on the order partitions are added in. */
    public static final DataType MONEY = DataTypes.createDecimalType(38, 6);

    private SessionModelBuilder() {
    }

    /**
     * One row per session of {@code actions} (the workspace form of user_visit_action), with the
     * user's attributes from {@code users}, the first action's place from {@code cities} and pay
     * amounts from {@code products}' prices where an action has no {@code pay_amount}.
     */
    public static Dataset<Row> sessions(Dataset<Row> actions, Dataset<Row> users, Dataset<Row> products,
                                        Dataset<Row> cities) {
        return sessionsOfPricedActions(withAmounts(actions, products), users, cities);
    }

    /**
     * As {@link #sessions}, for actions that all come from one file, as the workspace knows from
     * its catalog: the file name then decides no order, and the actions carry none. Carried on
     * every action of the sorted path, the name cost about a fifth of the pass (docs/BENCHMARKS.md).
     */
    public static Dataset<Row> sessionsOfOneFile(Dataset<Row> actions, Dataset<Row> users, Dataset<Row> products,
                                                 Dataset<Row> cities) {
        return sessions(actions.withColumn("source_file", lit(null).cast(DataTypes.StringType)), users, products,
                cities);
    }

    /**
     * Sessions made from actions that already carry their {@code amount}: the model's own actions
     * of sessions that a date filter cuts come back here, so a cut session is exactly what the
     * pass would have made of the actions that are left.
     */
    static Dataset<Row> sessionsOfPricedActions(Dataset<Row> priced, Dataset<Row> users, Dataset<Row> cities) {
        Column step = struct(
                col("action_time").as(TIME), col("source_file").as(FILE), col("source_line").as(LINE),
                col("date").as(DATE), col("user_id").as(USER_ID), col("page_id").as(PAGE_ID),
                col("search_keyword").as(KEYWORD), col("click_category_id").as(CLICK_CATEGORY),
                col("click_product_id").as(CLICK_PRODUCT),
                ids(col("order_category_ids")).as(ORDER_CATEGORIES), ids(col("order_product_ids")).as(ORDER_PRODUCTS),
                ids(col("pay_category_ids")).as(PAY_CATEGORIES), ids(col("pay_product_ids")).as(PAY_PRODUCTS),
                col("city_id").as(CITY_ID), col("channel").as(CHANNEL), col("pay_amount").as(PAY_AMOUNT),
                col("amount").as(AMOUNT));
        Column pay = isPay(col("pay_category_ids"), col("pay_product_ids"));
        Dataset<Row> grouped = priced.groupBy(col("session_id").as(SESSION_ID)).agg(
                // Structs compare field by field: time, then file, then line is session order.
                sort_array(collect_list(step)).as(ACTIONS),
                min("action_time").as(START_TIME),
                max("action_time").as(END_TIME),
                min("date").as(MIN_DATE),
                max("date").as(MAX_DATE),
                count(lit(1)).as(STEPS),
                count(when(pay, 1)).as(ORDERS),
                coalesce(sum(when(pay, col("amount"))), lit(0).cast(MONEY)).as(GMV),
                count(when(pay.and(col("amount").isNull()), 1)).as(ORDERS_WITHOUT_AMOUNT));
        Column first = col(ACTIONS).getItem(0);
        Column actionsOf = col(ACTIONS);
        Dataset<Row> sessions = grouped.select(
                col(SESSION_ID),
                first.getField(USER_ID).as(USER_ID),
                col(START_TIME), col(END_TIME),
                timestamp_diff("SECOND", col(START_TIME), col(END_TIME)).as(VISIT_SECONDS),
                col(STEPS),
                date_format(col(START_TIME), "yyyy-MM-dd_HH").as(HOUR),
                first.getField(DATE).as(FIRST_DATE), col(MIN_DATE), col(MAX_DATE),
                first.getField(CHANNEL).as(CHANNEL),
                first.getField(CITY_ID).as(CITY_ID),
                // Distinct, in session order, each where it first occurs; unset values dropped (the
                // workspace stores blank text and -1 ids as NULL; hand-made tables may not).
                array_remove(array_compact(array_distinct(actionsOf.getField(KEYWORD))), "").as(KEYWORDS),
                array_remove(array_compact(array_distinct(actionsOf.getField(CLICK_CATEGORY))), -1L)
                        .as(CLICK_CATEGORIES),
                col(ORDERS), col(GMV), col(ORDERS_WITHOUT_AMOUNT),
                actionsOf);
        return withPlace(withUser(sessions, users), cities);
    }

    /** Adds the user's age, professional, city (user_info's) and sex; all null for an unknown user. */
    private static Dataset<Row> withUser(Dataset<Row> sessions, Dataset<Row> users) {
        Dataset<Row> one = users.groupBy(col("user_id").as("u_user_id"))
                // A duplicated user keeps its smallest row: deterministic.
                .agg(min(struct(col("sex"), col("professional"), col("age"), col("city"))).as("u"));
        return sessions.join(one, sessions.col(USER_ID).equalTo(one.col("u_user_id")), "left")
                .withColumn(USER_KNOWN, col("u_user_id").isNotNull())
                .withColumn(AGE, col("u.age"))
                .withColumn(PROFESSIONAL, col("u.professional"))
                .withColumn(USER_CITY, col("u.city"))
                .withColumn(SEX, col("u.sex"))
                .drop("u_user_id", "u");
    }

    /** Adds the first action's city name and area; null for a city that is not in {@code cities}. */
    private static Dataset<Row> withPlace(Dataset<Row> sessions, Dataset<Row> cities) {
        Dataset<Row> one = cities.groupBy(col("city_id").as("c_city_id"))
                .agg(min(struct(col("city_name"), col("area"))).as("c"));
        return sessions.join(broadcast(one), sessions.col(CITY_ID).equalTo(one.col("c_city_id")), "left")
                .withColumn(CITY_NAME, col("c.city_name"))
                .withColumn(AREA, col("c.area"))
                .drop("c_city_id", "c")
                .select(SessionColumns.columns());
    }

    /**
     * The actions with {@code amount}: for a pay action its pay_amount, else the sum of its
     * products' prices when every product has one (a partial sum would pass for a real one),
     * else null; null for every other action.
     */
    static Dataset<Row> withAmounts(Dataset<Row> actions, Dataset<Row> products) {
        Column pay = isPay(col("pay_category_ids"), col("pay_product_ids"));
        Dataset<Row> prices = products.groupBy(col("product_id").as("p_product_id"))
                .agg(min(struct(col("product_name"), col("price"))).getField("price").as("price"));
        Dataset<Row> items = actions.filter(pay.and(col("pay_amount").isNull()))
                .select(col("source_file").as("i_file"), col("source_line").as("i_line"),
                        explode_outer(split(col("pay_product_ids"), ",")).as("item"))
                .withColumn("item", nullif(trim(col("item")), lit("")));
        // An item that is not a number, or has no price, joins no price.
        Dataset<Row> priced = items
                .join(broadcast(prices), items.col("item").cast("long").equalTo(prices.col("p_product_id")), "left")
                .groupBy("i_file", "i_line")
                .agg(count(col("item")).as("items"), count(col("price")).as("priced"),
                        sum(col("price").cast(MONEY)).as("price_sum"))
                .select(col("i_file"), col("i_line"),
                        when(col("items").gt(0).and(col("priced").equalTo(col("items"))), col("price_sum"))
                                .as("price_amount"));
        // The priced pays are few (those without pay_amount): sent to every task, they spare a
        // shuffle of every action.
        Column samePlace = actions.col("source_line").equalTo(priced.col("i_line"))
                .and(actions.col("source_file").eqNullSafe(priced.col("i_file")));
        return actions.join(broadcast(priced), samePlace, "left")
                .withColumn("amount", when(pay, coalesce(col("pay_amount").cast(MONEY), col("price_amount"))))
                .drop("i_file", "i_line", "price_amount");
    }

    /** An id list as its ids in listed order (null when unset): the workspace stores them as {@code "1,2,3"}. */
    static Column ids(Column list) {
        // A cast of the split text is native code; Spark's text-to-number cast trims blanks.
        return when(isSetList(list), split(list, ",").cast("array<bigint>"));
    }

    /** A pay action: its pay category or product list is set. */
    static Column isPay(Column categories, Column products) {
        return isSetList(categories).or(isSetList(products));
    }

    /** An id list is set when it is not null, empty or {@code null} (docs/ANALYSES.md, conventions). */
    static Column isSetList(Column list) {
        return list.isNotNull().and(trim(list).notEqual("")).and(lower(trim(list)).notEqual("null"));
    }
}
