package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.gmv.GmvCube;
import io.shoplens.engine.gmv.GmvDimension;
import io.shoplens.engine.gmv.GmvTotals;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.model.SessionColumns;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.testing.Fixtures;

/**
 * What the batch analyses make of the same actions, in the live tables' shape: the test side of
 * "live tables equal batch". Only batch code and Spark decide the numbers here; the minute,
 * paid/free and same-time tables are the definitions in docs/ANALYSES.md ("live gmv") written as DataFrame code.
 */
final class GmvBatchReference {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private GmvBatchReference() {
    }

    /**
     * The live tables ({@link LiveGmvTables#NAMES} order) of {@code day} at {@code now} for the
     * actions {@code lines} ({@link Fixtures#actions} form), with {@code products}' prices.
     */
    static List<ResultTable> tables(SparkSession spark, List<String> lines, List<String> products, LocalDate day,
                                    LocalDateTime now, boolean withDayBefore) {
        return tables(spark, lines, products, day, now, withDayBefore, LiveGmvParams.defaults());
    }

    /** The same, counted with {@code params}' page flow and paid channels. */
    static List<ResultTable> tables(SparkSession spark, List<String> lines, List<String> products, LocalDate day,
                                    LocalDateTime now, boolean withDayBefore, LiveGmvParams params) {
        Dataset<Row> actions = Fixtures.actions(spark, lines.toArray(String[]::new));
        Dataset<Row> prices = Fixtures.products(spark, products.toArray(String[]::new));
        AnalysisInput all = AnalysisInput.of(LogTables.empty(spark).withActions(actions).withProducts(prices),
                SessionFilter.NONE);
        AnalysisInput today = all.withSessions(all.sessions().filter(col(SessionColumns.FIRST_DATE).equalTo(lit(day))));
        AnalysisResult gmv = GmvAnalysis.run(today, new GmvParams());
        AnalysisResult pages = PageConversionAnalysis.run(today, new PageParams(params.flow(), Optional.empty()));

        LocalDate before = day.minusDays(1);
        AnalysisInput upToSameTime = AnalysisInput.of(LogTables.empty(spark)
                .withActions(actions.filter(col("action_time").leq(lit(now.minusDays(1))))).withProducts(prices),
                SessionFilter.NONE);
        AnalysisInput yesterday = upToSameTime.withSessions(
                upToSameTime.sessions().filter(col(SessionColumns.FIRST_DATE).equalTo(lit(before))));
        ResultTable yesterdayCube = GmvAnalysis.run(yesterday, new GmvParams()).table(GmvAnalysis.CUBE);
        ResultTable todayCube = gmv.table(GmvAnalysis.CUBE);

        List<ResultTable> tables = new ArrayList<>();
        tables.add(gmv.table(GmvAnalysis.DAILY));
        ResultTable breakdown = gmv.table(GmvAnalysis.BREAKDOWN);
        tables.add(new ResultTable(breakdown.name(), breakdown.columns(),
                breakdown.rows().stream().filter(r -> r.get(0).equals("channel")).toList()));
        tables.add(minutes(today));
        tables.add(paidFree(GmvCube.from(todayCube), params.paidChannels()));
        tables.add(sameTime(day, now, GmvCube.from(todayCube), withDayBefore ? GmvCube.from(yesterdayCube) : null));
        tables.add(withDayBefore ? bridge(before, day, yesterdayCube, todayCube)
                : new ResultTable(GmvAnalysis.BRIDGE, GmvAnalysis.BRIDGE_COLUMNS, List.of()));
        tables.add(pages.table("page_jumps"));
        tables.add(pages.table("session_funnel"));
        return tables;
    }

    /**
     * The orders {@code userOnlyOrders} ({@link Fixtures#actions} lines without a session) as the
     * pay lines of the sessions docs/ANALYSES.md ("live gmv", user-only orders) gives them, from
     * the batch session model of {@code actionLines}: of the sessions with an action of the
     * order's user, first action on the order's date and at or before its time, the one that
     * started last (the greater session id on a tie). An order no session takes is left out.
     */
    static List<String> attributed(SparkSession spark, List<String> actionLines, List<String> userOnlyOrders) {
        Dataset<Row> actions = Fixtures.actions(spark, actionLines.toArray(String[]::new));
        Dataset<Row> sessions = AnalysisInput.of(LogTables.empty(spark).withActions(actions), SessionFilter.NONE)
                .sessions().select(col(SessionColumns.SESSION_ID).as("s_id"), col(SessionColumns.START_TIME).as("start"),
                        col(SessionColumns.FIRST_DATE).as("s_date"));
        Dataset<Row> owners = actions.filter(col("user_id").isNotNull())
                .select(col("user_id").as("owner"), col("session_id").as("owned")).distinct();
        Dataset<Row> orders = Fixtures.actions(spark, userOnlyOrders.toArray(String[]::new))
                .withColumn("order_no", monotonically_increasing_id());
        Dataset<Row> candidates = orders
                .join(owners, col("user_id").equalTo(col("owner")))
                .join(sessions, col("owned").equalTo(col("s_id")))
                .filter(col("s_date").equalTo(col("date")).and(col("start").leq(col("action_time"))));
        WindowSpec lastStarted = Window.partitionBy("order_no").orderBy(col("start").desc(), col("s_id").desc());
        List<String> columns = List.of(LogKind.USER_VISIT_ACTION.schema().fieldNames());
        List<Column> pay = new ArrayList<>();
        for (String c : columns) {
            pay.add(c.equals("session_id") ? col("s_id").as(c) : col(c));
        }
        List<String> lines = new ArrayList<>();
        for (Row r : candidates.withColumn("rank", row_number().over(lastStarted)).filter(col("rank").equalTo(1))
                .select(pay.toArray(Column[]::new)).collectAsList()) {
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Object v = ResultTable.plain(r.get(i));
                fields.add(v == null ? "" : v instanceof LocalDateTime t ? SECONDS.format(t) : v.toString());
            }
            lines.add(String.join("|", fields));
        }
        return lines;
    }

    private static ResultTable minutes(AnalysisInput today) {
        List<Row> rows = today.sessions()
                .groupBy(date_format(col(SessionColumns.START_TIME), "yyyy-MM-dd HH:mm").as("minute"))
                .agg(count(lit(1)).as("sessions"), sum(col(SessionColumns.ORDERS)).as("orders"),
                        sum(col(SessionColumns.GMV)).as("gmv"))
                .orderBy("minute").collectAsList();
        List<List<Object>> table = new ArrayList<>();
        for (Row r : rows) {
            GmvTotals t = new GmvTotals(r.getLong(1), r.getLong(2), ((BigDecimal) r.get(3)).doubleValue());
            table.add(row(r.getString(0), t));
        }
        return new ResultTable(LiveGmvTables.MINUTES, List.of("minute", "sessions", "orders", "gmv", "conversion",
                "aov"), table);
    }

    /** The channel breakdown summed into paid (a paid channel) and free. */
    private static ResultTable paidFree(GmvCube today, List<String> paidChannels) {
        GmvCube paid = today.whereAny(GmvDimension.CHANNEL, paidChannels);
        GmvCube free = today.whereNone(GmvDimension.CHANNEL, paidChannels);
        return new ResultTable(LiveGmvTables.PAID_FREE, List.of("traffic", "sessions", "orders", "gmv", "conversion",
                "aov"), List.of(row("paid", paid.totals()), row("free", free.totals())));
    }

    private static ResultTable sameTime(LocalDate day, LocalDateTime now, GmvCube today, GmvCube yesterday) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(List.of("today", day, SECONDS.format(now)), today.totals()));
        if (yesterday != null) {
            rows.add(row(List.of("yesterday", day.minusDays(1), SECONDS.format(now.minusDays(1))),
                    yesterday.totals()));
        }
        return new ResultTable(LiveGmvTables.SAME_TIME, List.of("period", "date", "through", "sessions", "orders",
                "gmv", "conversion", "aov"), rows);
    }

    /** The batch bridge between the two cubes' dates: channel rows, their total, and all. */
    private static ResultTable bridge(LocalDate base, LocalDate current, ResultTable baseCube, ResultTable currentCube) {
        List<List<Object>> cells = new ArrayList<>(baseCube.rows());
        cells.addAll(currentCube.rows());
        ResultTable bridge = GmvCube.from(new ResultTable(GmvAnalysis.CUBE, baseCube.columns(), cells))
                .bridgeTable(new DateRange(base, base), new DateRange(current, current));
        return new ResultTable(bridge.name(), bridge.columns(), bridge.rows().stream()
                .filter(r -> r.get(0).equals("channel") || r.get(0).equals("all")).toList());
    }

    private static List<Object> row(String key, GmvTotals t) {
        return row(List.of(key), t);
    }

    private static List<Object> row(List<Object> keys, GmvTotals t) {
        List<Object> row = new ArrayList<>(keys);
        row.addAll(Arrays.asList(t.sessions(), t.orders(), t.gmv(), t.conversion(), t.aov()));
        return Collections.unmodifiableList(row);
    }
}
