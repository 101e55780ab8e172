package io.shoplens.engine.model;

import static org.apache.spark.sql.functions.col;

import java.util.List;

import org.apache.spark.sql.Column;

/**
 * The columns of the session model's sessions table, one row per session, and of the structs in
 * its {@link #ACTIONS} array. The analyses read sessions through these names only.
 *
 * <p>Session columns:
 * <ul>
 *   <li>{@link #SESSION_ID}; {@link #USER_ID} of the first action (session order: action time,
 *       then source file, then line);</li>
 *   <li>{@link #START_TIME}, {@link #END_TIME}, {@link #VISIT_SECONDS} between them, {@link #STEPS}
 *       (actions), {@link #HOUR} ({@code yyyy-MM-dd_HH} of the start);</li>
 *   <li>{@link #FIRST_DATE} (the first action's {@code date}, the session's date for GMV),
 *       {@link #MIN_DATE} and {@link #MAX_DATE} of all its actions (a date filter whose range
 *       holds some of them but not all cuts the session);</li>
 *   <li>the first action's {@link #CHANNEL} and {@link #CITY_ID}, that city's {@link #CITY_NAME}
 *       and {@link #AREA} (null when unknown);</li>
 *   <li>{@link #KEYWORDS} searched and {@link #CLICK_CATEGORIES} clicked: distinct, in session
 *       order;</li>
 *   <li>{@link #ORDERS} (pay actions), {@link #GMV} (the sum of their known amounts, exact
 *       decimal) and {@link #ORDERS_WITHOUT_AMOUNT};</li>
 *   <li>the user's {@link #USER_KNOWN}, {@link #AGE}, {@link #PROFESSIONAL}, {@link #USER_CITY}
 *       (user_info's city) and {@link #SEX};</li>
 *   <li>{@link #ACTIONS}: every action in session order.</li>
 * </ul>
 *
 * <p>Action struct fields: {@link #TIME}, {@link #FILE}, {@link #LINE} (its place in its source
 * file; the file is null when every action comes from one file), {@link #DATE}, {@link #USER_ID}, {@link #PAGE_ID}, {@link #KEYWORD} (the search keyword as
 * written), {@link #CLICK_CATEGORY}, {@link #CLICK_PRODUCT}, the id lists {@link #ORDER_CATEGORIES},
 * {@link #ORDER_PRODUCTS}, {@link #PAY_CATEGORIES}, {@link #PAY_PRODUCTS} (arrays of the listed ids
 * in listed order, null when the list is unset), {@link #CITY_ID}, {@link #CHANNEL},
 * {@link #PAY_AMOUNT} (as written) and {@link #AMOUNT} (a pay's GMV, null when unknown or not a pay).
 */
public final class SessionColumns {

    public static final String SESSION_ID = "session_id";
    public static final String USER_ID = "user_id";
    public static final String START_TIME = "start_time";
    public static final String END_TIME = "end_time";
    public static final String VISIT_SECONDS = "visit_seconds";
    public static final String STEPS = "steps";
    public static final String HOUR = "hour";
    public static final String FIRST_DATE = "first_date";
    public static final String MIN_DATE = "min_date";
    public static final String MAX_DATE = "max_date";
    public static final String CHANNEL = "channel";
    public static final String CITY_ID = "city_id";
    public static final String CITY_NAME = "city_name";
    public static final String AREA = "area";
    public static final String KEYWORDS = "keywords";
    public static final String CLICK_CATEGORIES = "click_categories";
    public static final String ORDERS = "orders";
    public static final String GMV = "gmv";
    public static final String ORDERS_WITHOUT_AMOUNT = "orders_without_amount";
    public static final String USER_KNOWN = "user_known";
    public static final String AGE = "age";
    public static final String PROFESSIONAL = "professional";
    public static final String USER_CITY = "user_city";
    public static final String SEX = "sex";
    public static final String ACTIONS = "actions";

    public static final String TIME = "time";
    public static final String FILE = "file";
    public static final String LINE = "line";
    public static final String DATE = "date";
    public static final String PAGE_ID = "page_id";
    public static final String KEYWORD = "keyword";
    public static final String CLICK_CATEGORY = "click_category";
    public static final String CLICK_PRODUCT = "click_product";
    public static final String ORDER_CATEGORIES = "order_categories";
    public static final String ORDER_PRODUCTS = "order_products";
    public static final String PAY_CATEGORIES = "pay_categories";
    public static final String PAY_PRODUCTS = "pay_products";
    public static final String PAY_AMOUNT = "pay_amount";
    public static final String AMOUNT = "amount";

    /** The session columns in table order. */
    public static final List<String> ALL = List.of(SESSION_ID, USER_ID, START_TIME, END_TIME, VISIT_SECONDS,
            STEPS, HOUR, FIRST_DATE, MIN_DATE, MAX_DATE, CHANNEL, CITY_ID, CITY_NAME, AREA, KEYWORDS,
            CLICK_CATEGORIES, ORDERS, GMV, ORDERS_WITHOUT_AMOUNT, USER_KNOWN, AGE, PROFESSIONAL, USER_CITY, SEX,
            ACTIONS);

    private SessionColumns() {
    }

    static Column[] columns() {
        return ALL.stream().map(c -> col(c)).toArray(Column[]::new);
    }
}
