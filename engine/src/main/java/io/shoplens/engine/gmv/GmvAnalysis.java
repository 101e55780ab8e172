package io.shoplens.engine.gmv;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

import io.shoplens.engine.analysis.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionSummaries;

/**
 * GMV = traffic × conversion × AOV (docs/ANALYSES.md, gmv; also for the GMV of a pay action).
 *
 * <p>Spark makes one small cube: sessions, orders and GMV per date and combination of the six
 * dimensions. The cube is a table of its own, and every other table is a slice of it that
 * {@link GmvCube} computes in plain Java, as the explorer does. Money is summed as
 * {@code DECIMAL(38,6)} in Spark and in whole millionths in the cube: sums of doubles depend on
 * the order partitions happen to be added in, exact sums do not, so the same data always gives
 * the same digits.
 */
public final class GmvAnalysis {

    public static final String NAME = "gmv";
    public static final String DAILY = "gmv_daily";
    public static final String BREAKDOWN = "gmv_breakdown";
    public static final String BRIDGE = "gmv_bridge";
    public static final String CUBE = "gmv_cube";
    public static final String COVERAGE = "gmv_coverage";

    public static final List<String> DAILY_COLUMNS = List.of("date", "sessions", "orders", "gmv", "conversion", "aov");
    public static final List<String> BREAKDOWN_COLUMNS =
            List.of("dimension", "value", "sessions", "orders", "gmv", "conversion", "aov");
    public static final List<String> BRIDGE_COLUMNS = List.of("dimension", "value", "gmv_base", "gmv_current",
            "delta", "traffic_effect", "conversion_effect", "aov_effect");
    public static final List<String> CUBE_COLUMNS = List.of("date", "channel", "area", "city", "sex", "professional",
            "age_group", "sessions", "orders", "gmv");
    private static final List<String> CELL_COLUMNS =
            Stream.concat(CUBE_COLUMNS.stream(), Stream.of("orders_without_amount")).toList();

    public static final String UNKNOWN = "unknown";
    public static final String UNKNOWN_PLACE = "(unknown)";

    private static final DataType MONEY = DataTypes.createDecimalType(38, 6);

    /**
     * @param base    first period of the bridge
     * @param current second period; gmv_bridge is made when both are given
     */
    public record GmvParams(Optional<DateRange> base, Optional<DateRange> current) {

        public GmvParams {
            if (base.isPresent() != current.isPresent()) {
                throw new IllegalArgumentException("A GMV bridge needs both --base and --current");
            }
        }

        /** No bridge. */
        public GmvParams() {
            this(Optional.empty(), Optional.empty());
        }

        public static GmvParams bridge(DateRange base, DateRange current) {
            return new GmvParams(Optional.of(base), Optional.of(current));
        }
    }

    private GmvAnalysis() {
    }

    public static AnalysisResult run(AnalysisInput input, GmvParams params) {
        try (SessionSummaries summaries = SessionSummaries.of(input, Optional.empty())) {
            return run(input, params, summaries);
        }
    }

    /** As {@link #run(AnalysisInput, GmvParams)}, over summaries a run shares with other analyses. */
    public static AnalysisResult run(AnalysisInput input, GmvParams params, SessionSummaries summaries) {
        Dataset<Row> sessions = sessionsOf(summaries.table(), input.tables().cities(), input.tables().users());
        Dataset<Row> orders = ordersOf(input.actions(), input.tables().products());
        // One Spark job chain makes the cube; every other table is a slice of it in plain Java, the
        // same GmvCube the explorer slices with. As Spark aggregates of the cube they would be
        // some twenty small jobs, about a quarter of the analysis's time (docs/BENCHMARKS.md).
        List<Row> cells = ResultTable.ordered(cubeOf(sessions, orders), columns(CUBE_COLUMNS.subList(0, 7)))
                .select(columns(CELL_COLUMNS)).collectAsList();
        ResultTable exact = cellTable(cells, false);
        GmvCube cube = GmvCube.from(exact);
        List<ResultTable> tables = new ArrayList<>();
        tables.add(cube.dailyTable());
        tables.add(cube.breakdownTable());
        if (params.base().isPresent()) {
            tables.add(cube.bridgeTable(params.base().get(), params.current().get()));
        }
        tables.add(cellTable(cells, true));
        tables.add(coverage(exact));
        return new AnalysisResult(NAME, tables);
    }

    /**
     * The cube's cells as a table: {@link #CUBE_COLUMNS} with GMV as a double (gmv_cube), or with
     * GMV as the exact decimal sum and {@code orders_without_amount} after the columns, which
     * {@link GmvCube} and {@link #coverage} read.
     */
    private static ResultTable cellTable(List<Row> cells, boolean asCube) {
        int gmv = CUBE_COLUMNS.indexOf("gmv");
        int width = asCube ? CUBE_COLUMNS.size() : CELL_COLUMNS.size();
        List<List<Object>> rows = new ArrayList<>(cells.size());
        for (Row cell : cells) {
            List<Object> values = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                values.add(i == gmv && !asCube ? cell.getDecimal(i) : ResultTable.plain(cell.get(i)));
            }
            rows.add(values);
        }
        return new ResultTable(CUBE, asCube ? CUBE_COLUMNS : CELL_COLUMNS, rows);
    }

    /** Pay actions, and those whose GMV is unknown (neither pay_amount nor all prices), from the cells. */
    static ResultTable coverage(ResultTable cells) {
        long orders = 0;
        long withoutAmount = 0;
        int ordersColumn = cells.columnIndex("orders");
        int withoutColumn = cells.columnIndex("orders_without_amount");
        for (List<Object> cell : cells.rows()) {
            orders += (Long) cell.get(ordersColumn);
            withoutAmount += (Long) cell.get(withoutColumn);
        }
        return new ResultTable(COVERAGE, List.of("orders", "orders_without_amount"),
                List.of(List.of(orders, withoutAmount)));
    }

    /**
     * One row per session of {@link SessionSummaries}, attributed to its first action (session
     * order): that action's date,
     * channel ({@code unknown} when absent) and city (area and city {@code (unknown)} when the
     * city is), and the user's sex, professional and age group ({@code unknown} for an unknown
     * user or a missing value).
     */
    public static Dataset<Row> sessionsOf(Dataset<Row> summaries, Dataset<Row> cities, Dataset<Row> users) {
        Dataset<Row> first = summaries.select(col("session_id"), col("first_date").as("date"),
                col("first_user_id").as("user_id"), col("first_city_id").as("city_id"),
                col("first_channel").as("channel"));
        Dataset<Row> city = cities.groupBy(col("city_id").as("c_city_id"))
                // A duplicated id keeps its smallest (name, area): deterministic.
                .agg(min(struct(col("city_name"), col("area"))).as("c"));
        Dataset<Row> user = users.groupBy(col("user_id").as("u_user_id"))
                .agg(min(struct(col("sex"), col("professional"), col("age"))).as("u"));
        return first
                .join(city, first.col("city_id").equalTo(city.col("c_city_id")), "left")
                .join(user, first.col("user_id").equalTo(user.col("u_user_id")), "left")
                .select(col("session_id"), col("date"),
                        orUnknown(col("channel"), UNKNOWN).as("channel"),
                        orUnknown(col("c.area"), UNKNOWN_PLACE).as("area"),
                        orUnknown(col("c.city_name"), UNKNOWN_PLACE).as("city"),
                        orUnknown(col("u.sex"), UNKNOWN).as("sex"),
                        orUnknown(col("u.professional"), UNKNOWN).as("professional"),
                        ageGroup(col("u.age")).as("age_group"));
    }

    /**
     * One row per order (pay action): its session and {@code amount}, which is pay_amount when
     * present, else the sum of the prices of its pay_product_ids, else null (unknown): no
     * product ids, or one of them without a price (a partial sum would pass for a real one).
     */
    public static Dataset<Row> ordersOf(Dataset<Row> actions, Dataset<Row> products) {
        Dataset<Row> prices = products.groupBy(col("product_id").as("p_product_id"))
                .agg(min(struct(col("product_name"), col("price"))).getField("price").as("price"));
        // One row per pay action, or per product id of a pay action without an amount: the pays
        // and their items come from one scan of the actions. Scanned once for the pays and once
        // for the items, then joined on file and line, the cube takes about a third more CPU
        // (docs/BENCHMARKS.md).
        Column items = when(col("pay_amount").isNull(), split(col("pay_product_ids"), ","));
        Dataset<Row> payItems = actions
                .filter(isSetList(col("pay_product_ids")).or(isSetList(col("pay_category_ids"))))
                .select(col("session_id"), col("source_file"), col("source_line"), col("pay_amount"),
                        explode_outer(items).as("item"))
                .withColumn("item", nullif(trim(col("item")), lit("")));
        // An item that is not a number, or has no price, joins no price.
        return payItems.join(prices, payItems.col("item").cast("long").equalTo(prices.col("p_product_id")), "left")
                .groupBy("source_file", "source_line", "session_id", "pay_amount")
                .agg(count(col("item")).as("items"), count(col("price")).as("priced"),
                        sum(col("price").cast(MONEY)).as("price_sum"))
                .select(col("session_id"),
                        when(col("pay_amount").isNotNull(), col("pay_amount").cast(MONEY))
                                .when(col("items").gt(0).and(col("priced").equalTo(col("items"))), col("price_sum"))
                                .as("amount"));
    }

    /**
     * Sessions, orders and GMV (decimal) per date and dimension combination that occurs, plus
     * {@code orders_without_amount} for {@link #coverage}.
     */
    public static Dataset<Row> cubeOf(Dataset<Row> sessions, Dataset<Row> orders) {
        Dataset<Row> perSession = orders.groupBy(col("session_id").as("o_session_id"))
                .agg(count(lit(1)).as("orders"), sum("amount").as("gmv"),
                        count(when(col("amount").isNull(), 1)).as("orders_without_amount"));
        return sessions.join(perSession, sessions.col("session_id").equalTo(perSession.col("o_session_id")), "left")
                .groupBy(columns(CUBE_COLUMNS.subList(0, 7)))
                .agg(count(lit(1)).as("sessions"),
                        coalesce(sum("orders"), lit(0L)).as("orders"),
                        coalesce(sum("gmv"), lit(0).cast(MONEY)).as("gmv"),
                        coalesce(sum("orders_without_amount"), lit(0L)).as("orders_without_amount"));
    }

    /** <18, 18-24, 25-34, 35-44, 45-54, 55+; unknown without an age. */
    public static Column ageGroup(Column age) {
        return when(age.isNull(), lit(UNKNOWN))
                .when(age.lt(18), lit("<18"))
                .when(age.leq(24), lit("18-24"))
                .when(age.leq(34), lit("25-34"))
                .when(age.leq(44), lit("35-44"))
                .when(age.leq(54), lit("45-54"))
                .otherwise(lit("55+"));
    }

    /** An id list is set when it is not null, empty or {@code null} (docs/ANALYSES.md, Conventions). */
    static Column isSetList(Column list) {
        return list.isNotNull().and(trim(list).notEqual("")).and(lower(trim(list)).notEqual("null"));
    }

    private static Column orUnknown(Column value, String unknown) {
        return when(value.isNull().or(trim(value).equalTo("")), lit(unknown)).otherwise(value);
    }

    private static Column[] columns(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
