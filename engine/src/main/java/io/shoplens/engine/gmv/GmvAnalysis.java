package io.shoplens.engine.gmv;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
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

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.model.Unknown;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.model.SessionColumns;

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
    /** The cube's columns and {@code orders_without_amount}, which {@link #coverage} reads. */
    public static final List<String> CELL_COLUMNS =
            Stream.concat(CUBE_COLUMNS.stream(), Stream.of("orders_without_amount")).toList();

    public static final String UNKNOWN = Unknown.VALUE;
    public static final String UNKNOWN_PLACE = Unknown.PLACE;

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
        // One Spark job makes the cube; every other table is a slice of it in plain Java, the
        // same GmvCube the explorer slices with: as Spark aggregates of the cube they were some
        // twenty small jobs (docs/BENCHMARKS.md).
        List<Row> cells = ResultTable.ordered(cubeOf(input.sessions()), columns(CUBE_COLUMNS.subList(0, 7)))
                .select(columns(CELL_COLUMNS)).collectAsList();
        List<List<Object>> rows = new ArrayList<>(cells.size());
        for (Row cell : cells) {
            List<Object> values = new ArrayList<>(CELL_COLUMNS.size());
            for (int i = 0; i < CELL_COLUMNS.size(); i++) {
                values.add(i == CELL_COLUMNS.indexOf("gmv") ? cell.getDecimal(i) : ResultTable.plain(cell.get(i)));
            }
            rows.add(values);
        }
        return tablesOf(rows, params);
    }

    /**
     * Every table of the analysis from the cube's cells in table order: {@link #CELL_COLUMNS},
     * the date a LocalDate, the dimensions text, counts Long and GMV the exact BigDecimal sum.
     */
    public static AnalysisResult tablesOf(List<List<Object>> cells, GmvParams params) {
        ResultTable exact = new ResultTable(CUBE, CELL_COLUMNS, cells);
        GmvCube cube = GmvCube.from(exact);
        List<ResultTable> tables = new ArrayList<>();
        tables.add(cube.dailyTable());
        tables.add(cube.breakdownTable());
        if (params.base().isPresent()) {
            tables.add(cube.bridgeTable(params.base().get(), params.current().get()));
        }
        tables.add(asCube(cells));
        tables.add(coverage(exact));
        return new AnalysisResult(NAME, tables);
    }

    /** The cells as gmv_cube: {@link #CUBE_COLUMNS}, GMV as a double. */
    private static ResultTable asCube(List<List<Object>> cells) {
        int gmv = CUBE_COLUMNS.indexOf("gmv");
        List<List<Object>> rows = new ArrayList<>(cells.size());
        for (List<Object> cell : cells) {
            List<Object> values = new ArrayList<>(cell.subList(0, CUBE_COLUMNS.size()));
            values.set(gmv, ResultTable.plain(values.get(gmv)));
            rows.add(values);
        }
        return new ResultTable(CUBE, CUBE_COLUMNS, rows);
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
     * Sessions, orders and GMV (decimal) per date and dimension combination that occurs, plus
     * {@code orders_without_amount} for {@link #coverage}. A session counts on its first action's
     * date, with that action's channel ({@code unknown} when absent) and place (area and city
     * {@code (unknown)} when the city is), and its user's sex, professional and age group
     * ({@code unknown} for an unknown user or a missing value).
     */
    public static Dataset<Row> cubeOf(Dataset<Row> sessions) {
        return sessions.select(col(SessionColumns.FIRST_DATE).as("date"),
                        Unknown.or(col(SessionColumns.CHANNEL), UNKNOWN).as("channel"),
                        Unknown.or(col(SessionColumns.AREA), UNKNOWN_PLACE).as("area"),
                        Unknown.or(col(SessionColumns.CITY_NAME), UNKNOWN_PLACE).as("city"),
                        Unknown.or(col(SessionColumns.SEX), UNKNOWN).as("sex"),
                        Unknown.or(col(SessionColumns.PROFESSIONAL), UNKNOWN).as("professional"),
                        ageGroup(col(SessionColumns.AGE)).as("age_group"),
                        col(SessionColumns.ORDERS), col(SessionColumns.GMV), col(SessionColumns.ORDERS_WITHOUT_AMOUNT))
                .groupBy(columns(CUBE_COLUMNS.subList(0, 7)))
                .agg(count(lit(1)).as("sessions"),
                        sum(SessionColumns.ORDERS).as("orders"),
                        sum(SessionColumns.GMV).cast(MONEY).as("gmv"),
                        sum(SessionColumns.ORDERS_WITHOUT_AMOUNT).as("orders_without_amount"));
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

    private static Column[] columns(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
