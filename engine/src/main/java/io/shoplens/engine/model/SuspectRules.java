package io.shoplens.engine.model;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_diff;
import static org.apache.spark.sql.functions.transform;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;


/**
 * The four fake-order (刷单) rules of docs/ANALYSES.md (audience, suspects), read from the session
 * model's actions: each rule flags sessions, and a user flagged by two rules or more is a suspect.
 *
 * <p>A pay is an action with a pay id list; its products are the ids of {@code pay_product_ids}
 * (an element {@code -1} names none). Pays across a user's sessions are in user order: action
 * time, then the action's place in its source, as in a session.
 */
public final class SuspectRules {

    /** A first pay sooner than this many seconds after the session began is an instant pay ({@code --min-dwell}). */
    public static final int DEFAULT_MIN_DWELL_SECONDS = 10;


    public static final String PAY_WITHOUT_CLICK = "pay_without_click";
    public static final String INSTANT_PAY = "instant_pay";
    public static final String BURST = "burst";
    public static final String CONCENTRATION = "concentration";
    public static final List<String> RULES = List.of(PAY_WITHOUT_CLICK, INSTANT_PAY, BURST, CONCENTRATION);

    /** Pays by one user that make a burst, and the window they fall in. */
    public static final int BURST_PAYS = 5;
    public static final long BURST_WINDOW_SECONDS = 60 * 60;
    /** Pays of a product in a clock hour, per distinct payer, that make it concentrated. */
    public static final int CONCENTRATION_RATIO = 3;
    /** Distinct rules that make a user a suspect. */
    public static final int SUSPECT_RULES = 2;

    /** Columns of the flags: one row per flagged session and rule. */
    public static final List<String> FLAG_COLUMNS = List.of("user_id", "session_id", "rule", "detail");

    private SuspectRules() {
    }

    /**
     * The users of {@code model} with at least two distinct rules, found on all its sessions (no
     * filter): column {@code user_id}. Thresholds as given, e.g. the run's {@code --min-dwell}.
     */
    public static Dataset<Row> suspectUsers(SessionModel model, int minDwellSeconds) {
        return suspectUsersOf(flags(model.sessions(), minDwellSeconds));
    }

    /** Users with at least two distinct rules among {@code flags}: column {@code user_id}. */
    static Dataset<Row> suspectUsersOf(Dataset<Row> flags) {
        return flags.groupBy(col(SessionColumns.USER_ID))
                .agg(count_distinct(col("rule")).as("rules"))
                .filter(col("rules").geq(SUSPECT_RULES))
                .select(col(SessionColumns.USER_ID));
    }

    /**
     * {@code sessions} without the sessions of {@code model}'s suspect users: what every analysis
     * reads with {@code --exclude-suspects}. The suspects are few, so they travel to every task.
     */
    public static Dataset<Row> withoutSuspects(Dataset<Row> sessions, SessionModel model, int minDwellSeconds) {
        Dataset<Row> suspects = suspectUsers(model, minDwellSeconds).withColumnRenamed(SessionColumns.USER_ID, "s_user");
        // A condition join, not a join on the column name: that would move user_id to the front.
        return sessions.join(broadcast(suspects), sessions.col(SessionColumns.USER_ID).equalTo(suspects.col("s_user")),
                "left_anti");
    }

    /** Every rule on {@code sessions}: {@link #FLAG_COLUMNS}, unsorted. */
    public static Dataset<Row> flags(Dataset<Row> sessions, int minDwellSeconds) {
        return payWithoutClick(sessions)
                .unionByName(instantPay(sessions, minDwellSeconds))
                .unionByName(burst(sessions))
                .unionByName(concentration(sessions));
    }

    /** A pay of a product that no earlier action of the session clicked; detail: those products. */
    static Dataset<Row> payWithoutClick(Dataset<Row> sessions) {
        Column actions = col(SessionColumns.ACTIONS);
        Column unclicked = array_distinct(flatten(transform(actions, (action, i) ->
                filter(productsOf(action), product -> not(exists(slice(actions, lit(1), i),
                        earlier -> earlier.getField(SessionColumns.CLICK_PRODUCT).eqNullSafe(product)))))));
        return sessions.select(col(SessionColumns.USER_ID), col(SessionColumns.SESSION_ID), unclicked.as("products"))
                .filter(size(col("products")).gt(0))
                .select(col(SessionColumns.USER_ID), col(SessionColumns.SESSION_ID), lit(PAY_WITHOUT_CLICK).as("rule"),
                        concat(lit("paid without an earlier click: product "),
                                array_join(col("products"), ", product ")).as("detail"));
    }

    /** The first pay less than {@code minDwellSeconds} after the session's first action; detail: the seconds. */
    static Dataset<Row> instantPay(Dataset<Row> sessions, int minDwellSeconds) {
        Column actions = col(SessionColumns.ACTIONS);
        Column firstPay = get(filter(actions, SuspectRules::isPay), lit(0));
        Column dwell = timestamp_diff("SECOND", get(actions, lit(0)).getField(SessionColumns.TIME),
                firstPay.getField(SessionColumns.TIME));
        return sessions.select(col(SessionColumns.USER_ID), col(SessionColumns.SESSION_ID), dwell.as("dwell"))
                .filter(col("dwell").lt(minDwellSeconds))
                .select(col(SessionColumns.USER_ID), col(SessionColumns.SESSION_ID), lit(INSTANT_PAY).as("rule"),
                        concat(lit("first pay "), col("dwell").cast(DataTypes.StringType),
                                lit(" s after the first action")).as("detail"));
    }

    /**
     * A pay that is the 5th of the user's pays within 60 minutes, both ends included: the pay four
     * before it in user order is at most 60 minutes earlier. Detail: the earliest such window of
     * the session.
     */
    static Dataset<Row> burst(Dataset<Row> sessions) {
        WindowSpec userOrder = Window.partitionBy(col(SessionColumns.USER_ID))
                .orderBy(col("time"), col("file"), col("line"));
        Column windowStart = lag(col("time"), BURST_PAYS - 1).over(userOrder);
        return pays(sessions)
                .withColumn("window_start", windowStart)
                .filter(timestamp_diff("SECOND", col("window_start"), col("time")).leq(BURST_WINDOW_SECONDS))
                .groupBy(col(SessionColumns.USER_ID), col(SessionColumns.SESSION_ID))
                .agg(min(struct(col("time"), col("window_start"))).as("w"))
                .select(col(SessionColumns.USER_ID), col(SessionColumns.SESSION_ID), lit(BURST).as("rule"),
                        concat(lit(BURST_PAYS + " pays from "), clock(col("w.window_start")), lit(" to "),
                                clock(col("w.time"))).as("detail"));
    }

    /**
     * A product and clock hour (the hour of the day on its date) whose pays are at least three
     * times its distinct payers: the sessions of its top payer (most pays of it in that hour,
     * ties to the smaller user_id) that hold one of those pays. A pay counts once per product it
     * lists. Detail: each such product and hour of the session, sorted.
     */
    static Dataset<Row> concentration(Dataset<Row> sessions) {
        Dataset<Row> items = pays(sessions)
                .select(col(SessionColumns.USER_ID), col(SessionColumns.SESSION_ID),
                        date_trunc("hour", col("time")).as("hour"), explode(col("products")).as("product"));
        Dataset<Row> perPayer = items.groupBy(col("product"), col("hour"), col(SessionColumns.USER_ID))
                .agg(count(lit(1)).as("pays"));
        // The smallest (−pays, user_id) is the top payer: most pays, then the smaller user_id.
        Dataset<Row> hot = perPayer.groupBy(col("product"), col("hour"))
                .agg(sum(col("pays")).as("pays"), count(lit(1)).as("payers"),
                        min(struct(col("pays").multiply(-1), col(SessionColumns.USER_ID))).as("top"))
                .filter(col("pays").geq(col("payers").multiply(CONCENTRATION_RATIO)))
                .select(col("product").as("h_product"), col("hour").as("h_hour"),
                        col("top." + SessionColumns.USER_ID).as("h_user"), col("pays"), col("payers"));
        Column ofTopPayer = items.col("product").equalTo(hot.col("h_product"))
                .and(items.col("hour").equalTo(hot.col("h_hour")))
                .and(items.col(SessionColumns.USER_ID).equalTo(hot.col("h_user")));
        Column detail = concat(lit("product "), col("product").cast(DataTypes.StringType), lit(" at "),
                date_format(col("hour"), "yyyy-MM-dd HH:00"), lit(": "), col("pays").cast(DataTypes.StringType),
                lit(" pays by "), col("payers").cast(DataTypes.StringType), lit(" payers"));
        return items.join(hot, ofTopPayer)
                .groupBy(col(SessionColumns.USER_ID), col(SessionColumns.SESSION_ID))
                .agg(array_join(sort_array(collect_set(detail)), "; ").as("detail"))
                .select(col(SessionColumns.USER_ID), col(SessionColumns.SESSION_ID), lit(CONCENTRATION).as("rule"),
                        col("detail"));
    }

    /**
     * One row per pay action of {@code sessions}: its session's user and id, its time and place in
     * the source (user order), its distinct products and its amount (null when unknown).
     */
    static Dataset<Row> pays(Dataset<Row> sessions) {
        return sessions.select(col(SessionColumns.USER_ID), col(SessionColumns.SESSION_ID),
                        explode(filter(col(SessionColumns.ACTIONS), SuspectRules::isPay)).as("a"))
                .select(col(SessionColumns.USER_ID), col(SessionColumns.SESSION_ID),
                        col("a." + SessionColumns.TIME).as("time"), col("a." + SessionColumns.FILE).as("file"),
                        col("a." + SessionColumns.LINE).as("line"),
                        array_distinct(productsOf(col("a"))).as("products"),
                        col("a." + SessionColumns.AMOUNT).as("amount"));
    }

    /** A pay action: either pay id list is set (the model keeps unset lists as null). */
    public static Column isPay(Column action) {
        return action.getField(SessionColumns.PAY_CATEGORIES).isNotNull()
                .or(action.getField(SessionColumns.PAY_PRODUCTS).isNotNull());
    }

    /** The products an action pays for, in listed order: never null, {@code -1} left out. */
    static Column productsOf(Column action) {
        Column none = array().cast(DataTypes.createArrayType(DataTypes.LongType));
        return filter(coalesce(action.getField(SessionColumns.PAY_PRODUCTS), none),
                product -> product.isNotNull().and(product.notEqual(-1L)));
    }

    private static Column clock(Column time) {
        return date_format(time, "yyyy-MM-dd HH:mm:ss");
    }
}
