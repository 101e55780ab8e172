package io.shoplens.engine.memory;

import static org.apache.spark.sql.functions.col;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.spark.sql.Row;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.model.SessionColumns;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.text.Text;

/**
 * The session model held in this JVM: every session with its actions as plain Java objects, and
 * the users, cities and products it is joined with. Analyses over it answer a filter change in
 * milliseconds where a Spark job costs a few hundred; they give exactly the tables of the Spark
 * analyses on the same model, which a test checks table by table. Immutable once loaded.
 *
 * @param sessions every session of the model, in no particular order
 * @param users    user_id to the user's attributes, the smallest row per id as the model joins them
 * @param cities   city_id to its name and area, likewise
 * @param products product_id to its name and status, likewise
 * @param catalogue product_id to its status and price from the smallest row by every column in
 *                  order (name, extend_info, status, price), as the audience tags pick the one row;
 *                  {@code products} picks by name and status alone, as the hot products do, and the
 *                  two can pick different rows of a duplicated id
 */
public record MemoryModel(List<MemorySession> sessions, Map<Long, User> users, Map<Long, City> cities,
                          Map<Long, Product> products, Map<Long, CatalogueEntry> catalogue) {

    /** A user's attributes as user_info has them. */
    public record User(String sex, String professional, Integer age, String city) {
    }

    public record City(String name, String area) {
    }

    /** @param status extend_info's product_status, null when absent */
    public record Product(String name, Integer status) {
    }

    /**
     * @param status extend_info's product_status, null when absent
     * @param price  extend_info's price, null when absent
     */
    public record CatalogueEntry(Integer status, Double price) {
    }

    /**
     * Heap one action takes here with its share of its session, as measured on generated logs
     * (docs/BENCHMARKS.md, "The session model held in the JVM, compact"), rounded up; what decides
     * whether a workspace's model is held in memory ({@code MemoryBudget}).
     */
    public static final long BYTES_PER_ACTION = 64;

    /** Money is kept in whole millionths, the scale the model sums it at (DECIMAL(38,6)). */
    public static final int MONEY_SCALE = 6;

    public MemoryModel {
        sessions = List.copyOf(sessions);
        users = Map.copyOf(users);
        cities = Map.copyOf(cities);
        products = Map.copyOf(products);
        catalogue = Map.copyOf(catalogue);
    }

    /** Reads a session model (and the reference tables it was made from) into memory: one pass over the sessions. */
    public static MemoryModel load(SessionModel model) {
        Strings strings = new Strings();
        ActionColumns.Builder actions = new ActionColumns.Builder();
        // Each session waits for the columns its actions go into, complete only after the last session.
        List<Function<ActionColumns, MemorySession>> pending = new ArrayList<>();
        Iterator<Row> rows = model.sessions().select(columns()).toLocalIterator();
        while (rows.hasNext()) {
            pending.add(session(rows.next(), actions, strings));
        }
        return of(pending, actions, References.of(model.tables()));
    }

    /** The model of the sessions in {@code pending}, once every one's actions are in {@code actions}. */
    static MemoryModel of(List<Function<ActionColumns, MemorySession>> pending, ActionColumns.Builder actions,
                          References references) {
        return of(pending, actions.build(), references);
    }

    /** As above, of actions already in their columns. */
    static MemoryModel of(List<Function<ActionColumns, MemorySession>> pending, ActionColumns columns,
                          References references) {
        List<MemorySession> sessions = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            sessions.add(pending.get(i).apply(columns));
            pending.set(i, null);
        }
        return new MemoryModel(sessions, references.users(), references.cities(), products(references.productRows()),
                catalogue(references.productRows()));
    }

    /**
     * The reference tables as the model joins them: each id's smallest row.
     *
     * @param productRows product_info's product_id, product_name, extend_info, product_status, price
     */
    record References(Map<Long, User> users, Map<Long, City> cities, List<Row> productRows) {

        static References of(LogTables tables) {
            return of(tables.users().select("user_id", "sex", "professional", "age", "city").collectAsList(),
                    tables.cities().select("city_id", "city_name", "area").collectAsList(),
                    tables.products().select("product_id", "product_name", "extend_info", "product_status", "price")
                            .collectAsList());
        }

        /**
         * From the tables' rows, in any order: users' user_id, sex, professional, age, city;
         * cities' city_id, city_name, area; products as {@code productRows}.
         */
        static References of(List<Row> users, List<Row> cities, List<Row> productRows) {
            return new References(MemoryModel.users(users), MemoryModel.cities(cities), productRows);
        }
    }

    /** The model's sessions in the order this loader reads them. */
    private static org.apache.spark.sql.Column[] columns() {
        return SessionColumns.ALL.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new);
    }

    /** Appends the session's actions to {@code actions}; returns the session, given the columns they end up in. */
    private static Function<ActionColumns, MemorySession> session(Row r, ActionColumns.Builder actions,
                                                                 Strings strings) {
        List<Row> actionRows = r.getList(SessionColumns.ALL.indexOf(SessionColumns.ACTIONS));
        int first = actions.rows();
        for (Row a : actionRows) {
            actions.add(action(a));
        }
        int size = actionRows.size();
        List<String> keywords = new ArrayList<>();
        for (Object k : r.getList(index(SessionColumns.KEYWORDS))) {
            keywords.add(strings.of((String) k));
        }
        List<Long> categories = r.getList(index(SessionColumns.CLICK_CATEGORIES));
        String sessionId = r.getString(index(SessionColumns.SESSION_ID));
        long userId = id(r, index(SessionColumns.USER_ID));
        long start = seconds((LocalDateTime) r.get(index(SessionColumns.START_TIME)));
        long end = seconds((LocalDateTime) r.get(index(SessionColumns.END_TIME)));
        long steps = r.getLong(index(SessionColumns.STEPS));
        String hour = strings.of(r.getString(index(SessionColumns.HOUR)));
        int firstDate = day(r.getDate(index(SessionColumns.FIRST_DATE)));
        int minDate = day(r.getDate(index(SessionColumns.MIN_DATE)));
        int maxDate = day(r.getDate(index(SessionColumns.MAX_DATE)));
        String channel = strings.of(r.getString(index(SessionColumns.CHANNEL)));
        long cityId = id(r, index(SessionColumns.CITY_ID));
        String cityName = strings.of(r.getString(index(SessionColumns.CITY_NAME)));
        String area = strings.of(r.getString(index(SessionColumns.AREA)));
        long[] clickCategories = categories.stream().mapToLong(Long::longValue).toArray();
        long orders = r.getLong(index(SessionColumns.ORDERS));
        long gmv = micros(r.getDecimal(index(SessionColumns.GMV)));
        long withoutAmount = r.getLong(index(SessionColumns.ORDERS_WITHOUT_AMOUNT));
        boolean userKnown = r.getBoolean(index(SessionColumns.USER_KNOWN));
        Integer age = r.isNullAt(index(SessionColumns.AGE)) ? null : r.getInt(index(SessionColumns.AGE));
        String professional = strings.of(r.getString(index(SessionColumns.PROFESSIONAL)));
        String userCity = strings.of(r.getString(index(SessionColumns.USER_CITY)));
        String sex = strings.of(r.getString(index(SessionColumns.SEX)));
        return columns -> new MemorySession(sessionId, userId, start, end, steps, hour, firstDate, minDate, maxDate,
                channel, cityId, cityName, area, keywords, clickCategories, orders, gmv, withoutAmount, userKnown,
                age, professional, userCity, sex, ActionRows.run(columns, first, size));
    }

    /** One action struct as a value, to go into the columns (which keep each text and list once). */
    private static MemoryAction action(Row a) {
        return new MemoryAction(
                seconds((LocalDateTime) a.getAs(SessionColumns.TIME)),
                a.<String>getAs(SessionColumns.FILE),
                a.<Long>getAs(SessionColumns.LINE),
                day(a.getAs(SessionColumns.DATE)),
                id(a, a.fieldIndex(SessionColumns.USER_ID)),
                id(a, a.fieldIndex(SessionColumns.PAGE_ID)),
                a.<String>getAs(SessionColumns.KEYWORD),
                id(a, a.fieldIndex(SessionColumns.CLICK_CATEGORY)),
                id(a, a.fieldIndex(SessionColumns.CLICK_PRODUCT)),
                ids(a, SessionColumns.ORDER_CATEGORIES),
                ids(a, SessionColumns.ORDER_PRODUCTS),
                ids(a, SessionColumns.PAY_CATEGORIES),
                ids(a, SessionColumns.PAY_PRODUCTS),
                id(a, a.fieldIndex(SessionColumns.CITY_ID)),
                a.<String>getAs(SessionColumns.CHANNEL),
                a.getAs(SessionColumns.PAY_AMOUNT),
                a.isNullAt(a.fieldIndex(SessionColumns.AMOUNT)) ? MemoryAction.NONE
                        : micros(a.getAs(SessionColumns.AMOUNT)));
    }

    private static int index(String column) {
        return SessionColumns.ALL.indexOf(column);
    }

    private static long id(Row r, int i) {
        return r.isNullAt(i) ? MemoryAction.NONE : r.getLong(i);
    }

    /** An id list's ids; an id that is not a number is {@link MemoryAction#NONE}, as the model's cast makes it null. */
    private static long[] ids(Row a, String field) {
        int i = a.fieldIndex(field);
        if (a.isNullAt(i)) {
            return null;
        }
        List<Long> list = a.getList(i);
        long[] out = new long[list.size()];
        for (int k = 0; k < out.length; k++) {
            Long v = list.get(k);
            out[k] = v == null ? MemoryAction.NONE : v;
        }
        return out;
    }

    static long seconds(LocalDateTime time) {
        return time.toEpochSecond(ZoneOffset.UTC);
    }

    private static int day(Date date) {
        return (int) date.toLocalDate().toEpochDay();
    }

    static long micros(BigDecimal amount) {
        return amount.setScale(MONEY_SCALE).movePointRight(MONEY_SCALE).longValueExact();
    }

    private static Map<Long, User> users(List<Row> rows) {
        Comparator<User> smallest = Comparator.comparing(User::sex, Text.NULLS_FIRST)
                .thenComparing(User::professional, Text.NULLS_FIRST)
                .thenComparing(User::age, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(User::city, Text.NULLS_FIRST);
        Map<Long, User> users = new HashMap<>();
        // One string per distinct sex, profession and city, not one per user: the analyses read
        // them for every session, and a shared string stays in the CPU's cache (the funnel finds
        // a unit's sex among a few such strings at once, not by hashing a string of its own).
        Strings strings = new Strings();
        for (Row r : rows) {
            if (r.isNullAt(0)) {
                continue;
            }
            User u = new User(strings.of(r.getString(1)), strings.of(r.getString(2)),
                    r.isNullAt(3) ? null : r.getInt(3), strings.of(r.getString(4)));
            users.merge(r.getLong(0), u, (a, b) -> smallest.compare(a, b) <= 0 ? a : b);
        }
        return users;
    }

    private static Map<Long, City> cities(List<Row> rows) {
        Comparator<City> smallest = Comparator.comparing(City::name, Text.NULLS_FIRST)
                .thenComparing(City::area, Text.NULLS_FIRST);
        Map<Long, City> cities = new HashMap<>();
        for (Row r : rows) {
            if (!r.isNullAt(0)) {
                cities.merge(r.getLong(0), new City(r.getString(1), r.getString(2)),
                        (a, b) -> smallest.compare(a, b) <= 0 ? a : b);
            }
        }
        return cities;
    }

    /** @param rows product_info's product_id, product_name, extend_info, product_status, price */
    private static Map<Long, Product> products(List<Row> rows) {
        Comparator<Product> smallest = Comparator.comparing(Product::name, Text.NULLS_FIRST)
                .thenComparing(Product::status, Comparator.nullsFirst(Comparator.naturalOrder()));
        Map<Long, Product> products = new HashMap<>();
        for (Row r : rows) {
            if (!r.isNullAt(0)) {
                products.merge(r.getLong(0), new Product(r.getString(1), r.isNullAt(3) ? null : r.getInt(3)),
                        (a, b) -> smallest.compare(a, b) <= 0 ? a : b);
            }
        }
        return products;
    }

    /** @param rows as for {@link #products(List)} */
    private static Map<Long, CatalogueEntry> catalogue(List<Row> rows) {
        record Listed(String name, String extendInfo, Integer status, Double price) {
        }
        // Spark's struct order: nulls first, text by code point, doubles equal when == (so -0.0 = 0.0).
        Comparator<Double> doubles = (a, b) -> a.doubleValue() == b.doubleValue() ? 0 : Double.compare(a, b);
        Comparator<Listed> smallest = Comparator.comparing(Listed::name, Text.NULLS_FIRST)
                .thenComparing(Listed::extendInfo, Text.NULLS_FIRST)
                .thenComparing(Listed::status, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Listed::price, Comparator.nullsFirst(doubles));
        Map<Long, Listed> listed = new HashMap<>();
        for (Row r : rows) {
            if (!r.isNullAt(0)) {
                listed.merge(r.getLong(0), new Listed(r.getString(1), r.getString(2),
                                r.isNullAt(3) ? null : r.getInt(3), r.isNullAt(4) ? null : r.getDouble(4)),
                        (a, b) -> smallest.compare(a, b) <= 0 ? a : b);
            }
        }
        Map<Long, CatalogueEntry> catalogue = new HashMap<>();
        listed.forEach((id, l) -> catalogue.put(id, new CatalogueEntry(l.status(), l.price())));
        return catalogue;
    }

    /** One instance per distinct text, so a million actions share a handful of keyword and channel strings. */
    static final class Strings {
        private final Map<String, String> seen = new HashMap<>();

        String of(String s) {
            return s == null ? null : seen.computeIfAbsent(s, k -> k);
        }
    }
}
