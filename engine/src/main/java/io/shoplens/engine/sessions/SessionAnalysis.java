package io.shoplens.engine.sessions;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.model.SessionColumns;

/**
 * User-session analysis (docs/ANALYSES.md, sessions): visit and step length distributions, the
 * top-10 categories, the top-10 sessions of each, and a stratified random sample of sessions,
 * all from the filtered sessions of the session model.
 */
public final class SessionAnalysis {

    public static final String NAME = "sessions";

    /** Visit length in seconds; {@code 10s_30s} and {@code 30s_60s} meet at 30/31 as the contract says. */
    public static final List<Bucket> VISIT_LENGTH_BUCKETS = List.of(
            new Bucket("0s", 0, 0),
            new Bucket("1s_3s", 1, 3),
            new Bucket("4s_6s", 4, 6),
            new Bucket("7s_9s", 7, 9),
            new Bucket("10s_30s", 10, 30),
            new Bucket("30s_60s", 31, 60),
            new Bucket("1m_3m", 61, 180),
            new Bucket("3m_10m", 181, 600),
            new Bucket("10m_30m", 601, 1800),
            new Bucket("30m", 1801, Long.MAX_VALUE));

    /** Actions per session; a session has at least one. */
    public static final List<Bucket> STEP_LENGTH_BUCKETS = List.of(
            new Bucket("1_3", 1, 3),
            new Bucket("4_6", 4, 6),
            new Bucket("7_9", 7, 9),
            new Bucket("10_30", 10, 30),
            new Bucket("30_60", 31, 60),
            new Bucket("60", 61, Long.MAX_VALUE));

    /** Categories in top_categories, and sessions per category in top_sessions. */
    public static final int TOP = 10;

    private SessionAnalysis() {
    }

    /**
     * @param sample sessions to draw (the CLI's {@code --sample}), at least 0
     * @param seed   seed of the draw (the CLI's {@code --seed})
     */
    public record SessionParams(int sample, long seed) {

        /** Compile-time constants, so the CLI's option defaults are these very values. */
        public static final int DEFAULT_SAMPLE = 100;
        public static final long DEFAULT_SEED = 42;

        public SessionParams {
            if (sample < 0) {
                throw new IllegalArgumentException("sample must be at least 0: " + sample);
            }
        }

        public static SessionParams defaults() {
            return new SessionParams(DEFAULT_SAMPLE, DEFAULT_SEED);
        }
    }

    /** An inclusive range of values with its name in the output. */
    public record Bucket(String name, long min, long max) {

        public boolean holds(long value) {
            return value >= min && value <= max;
        }
    }

    public static AnalysisResult run(AnalysisInput input, SessionParams params) {
        Dataset<Row> sessions = input.sessions();
        Dataset<Row> categories = topCategories(sessions).cache();
        Dataset<Row> clicks = sessionClicks(sessions, categories).cache();
        try {
            SessionShape shape = SessionShape.of(sessions);
            List<ResultTable> tables = List.of(
                    shape.visitLength(),
                    shape.stepLength(),
                    ResultTable.of("top_categories", categories),
                    ResultTable.of("top_sessions", topSessions(clicks)),
                    ResultTable.of("sampled_sessions", sampledSessions(sessions, shape.sessionsPerHour(), params)));
            return new AnalysisResult(NAME, tables);
        } finally {
            clicks.unpersist();
            categories.unpersist();
        }
    }

    /**
     * Sessions counted per hour of their first action, visit length bucket and step length bucket:
     * a few thousand rows at most, collected once. The two distributions and the sample's hour
     * sizes are sums of it; as three aggregates of the summaries they would be three chains of
     * small Spark jobs.
     */
    record SessionShape(List<Row> counts) {

        static SessionShape of(Dataset<Row> sessions) {
            return new SessionShape(sessions.groupBy(col(SessionColumns.HOUR),
                    bucketOf(col(SessionColumns.VISIT_SECONDS), VISIT_LENGTH_BUCKETS).as("visit"),
                    bucketOf(col(SessionColumns.STEPS), STEP_LENGTH_BUCKETS).as("step")).count().collectAsList());
        }

        /** Sessions per visit length bucket (seconds from first to last action). */
        ResultTable visitLength() {
            return distribution("visit_length", VISIT_LENGTH_BUCKETS, 1);
        }

        /** Sessions per step length bucket (actions in the session). */
        ResultTable stepLength() {
            return distribution("step_length", STEP_LENGTH_BUCKETS, 2);
        }

        /** Sessions per hour ({@code yyyy-MM-dd_HH}), hours in order. */
        LinkedHashMap<String, Long> sessionsPerHour() {
            Map<String, Long> sizes = new TreeMap<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
            for (Row r : counts) {
                sizes.merge(r.getString(0), r.getLong(3), Long::sum);
            }
            return new LinkedHashMap<>(sizes);
        }

        /** {@code bucket, sessions, ratio} over every bucket in order, also the empty ones. */
        private ResultTable distribution(String name, List<Bucket> buckets, int column) {
            long[] sessions = new long[buckets.size()];
            for (Row r : counts) {
                if (!r.isNullAt(column)) {
                    sessions[r.getInt(column)] += r.getLong(3);
                }
            }
            long total = Arrays.stream(sessions).sum();
            List<List<Object>> rows = new ArrayList<>();
            for (int i = 0; i < buckets.size(); i++) {
                Double ratio = total == 0 ? null : (double) sessions[i] / total;
                rows.add(Arrays.asList(buckets.get(i).name(), sessions[i], ratio));
            }
            return new ResultTable(name, List.of("bucket", "sessions", "ratio"), rows);
        }
    }

    /** The index of the bucket {@code value} falls in, null in none. */
    private static Column bucketOf(Column value, List<Bucket> buckets) {
        Column bucketOf = lit(null).cast("int");
        for (int i = buckets.size() - 1; i >= 0; i--) {
            Bucket b = buckets.get(i);
            bucketOf = when(value.between(b.min(), b.max()), lit(i)).otherwise(bucketOf);
        }
        return bucketOf;
    }

    /**
     * {@code rank, category_id, click_count, order_count, pay_count}: the ten categories with
     * most clicks, then orders, then pays, ties by the smaller category id.
     */
    public static Dataset<Row> topCategories(Dataset<Row> sessions) {
        Dataset<Row> counts = categoryCounts(actionsOf(sessions));
        Column[] ranking = {col("click_count").desc(), col("order_count").desc(), col("pay_count").desc(),
                col("category_id").asc()};
        return counts.orderBy(ranking).limit(TOP)
                .withColumn("rank", row_number().over(Window.orderBy(ranking)).cast("long"))
                .select("rank", "category_id", "click_count", "order_count", "pay_count")
                .orderBy("rank");
    }

    /**
     * {@code category_id, category_rank, session_id, clicks}: clicks per session on each of the
     * top categories. Worth keeping: {@link #topSessions} reads it twice.
     */
    public static Dataset<Row> sessionClicks(Dataset<Row> sessions, Dataset<Row> topCategories) {
        // Keep the clicks on the ten top categories before counting per session, not after: the
        // count then shuffles a fraction of the clicks.
        Dataset<Row> top = broadcast(topCategories.select(col("category_id").as("click_category_id"),
                col("rank").as("category_rank")));
        return actionsOf(sessions).filter(isSetId(col("click_category_id")))
                .join(top, "click_category_id")
                .groupBy(col("click_category_id").as("category_id"), col("category_rank"), col("session_id"))
                .agg(count(lit(1)).as("clicks"));
    }

    /**
     * {@code session_id, click_category_id, order_categories, pay_categories}: one row per action
     * of the sessions, with what the category counts read.
     */
    static Dataset<Row> actionsOf(Dataset<Row> sessions) {
        return sessions.select(col(SessionColumns.SESSION_ID), explode(col(SessionColumns.ACTIONS)).as("a"))
                .select(col(SessionColumns.SESSION_ID),
                        col("a." + SessionColumns.CLICK_CATEGORY).as("click_category_id"),
                        col("a." + SessionColumns.ORDER_CATEGORIES).as("order_categories"),
                        col("a." + SessionColumns.PAY_CATEGORIES).as("pay_categories"));
    }

    /**
     * {@code category_id, rank, session_id, clicks}: for each top category, the ten sessions
     * with most clicks on it ({@link #sessionClicks}), ties by session id; rows in the categories'
     * rank order. A top category that was only ordered or paid has no rows.
     */
    public static Dataset<Row> topSessions(Dataset<Row> sessionClicks) {
        // Ranking every (category, session) pair would sort over a million of them at 10M
        // actions. A session with fewer clicks than the category's tenth-largest count
        // cannot be in its top ten, so only the pairs at or above that floor are ranked: a small
        // part of them, with every pair tied on the floor.
        Dataset<Row> floors = sessionClicks.sparkSession().createDataFrame(
                clickFloors(sessionClicks.groupBy("category_id", "clicks").count().collectAsList()),
                new StructType().add("category_id", DataTypes.LongType).add("floor", DataTypes.LongType));
        Dataset<Row> ranked = sessionClicks.join(broadcast(floors), "category_id")
                .filter(col("clicks").geq(col("floor")))
                .withColumn("rank", row_number().over(Window.partitionBy("category_id")
                        .orderBy(col("clicks").desc(), col("session_id").asc())).cast("long"))
                .filter(col("rank").leq(TOP));
        return ResultTable.ordered(ranked, col("category_rank"), col("rank"))
                .select("category_id", "rank", "session_id", "clicks");
    }

    /**
     * Per category, the click count of its {@link #TOP}th session in count order (the smallest
     * count when it has fewer sessions), from rows {@code (category_id, clicks, sessions)}.
     */
    static List<Row> clickFloors(List<Row> sessionsPerCount) {
        Map<Long, TreeMap<Long, Long>> byCategory = new LinkedHashMap<>();
        for (Row r : sessionsPerCount) {
            byCategory.computeIfAbsent(r.getLong(0), c -> new TreeMap<>()).put(r.getLong(1), r.getLong(2));
        }
        List<Row> floors = new ArrayList<>();
        byCategory.forEach((category, counts) -> {
            long seen = 0;
            long floor = counts.firstKey();
            for (Map.Entry<Long, Long> e : counts.descendingMap().entrySet()) {
                seen += e.getValue();
                if (seen >= TOP) {
                    floor = e.getKey();
                    break;
                }
            }
            floors.add(RowFactory.create(category, floor));
        });
        return floors;
    }

    /**
     * {@code session_id, start_time, hour, search_keywords, click_category_ids}: a sample of
     * {@code params.sample()} sessions stratified by the hour of their first action
     * ({@link LargestRemainder} quotas). Within an hour, sessions are taken in the order of
     * {@code xxhash64(session_id, seed)}, ties by session id: a pure function of each session's
     * id and the seed, so the draw does not depend on partitioning, input order or the machine.
     * Keywords and categories are the session's distinct ones in session order, joined with
     * {@code ,}; empty when none.
     *
     * @param sessions        the filtered sessions of the model
     * @param sessionsPerHour their count per hour, hours in order
     */
    public static Dataset<Row> sampledSessions(Dataset<Row> sessions, LinkedHashMap<String, Long> sessionsPerHour,
                                               SessionParams params) {
        SparkSession spark = sessions.sparkSession();
        // Hundreds of hours at most: the quota arithmetic is done exactly, on the driver.
        List<Row> quotaRows = new ArrayList<>();
        for (Map.Entry<String, Long> q : LargestRemainder.quotas(sessionsPerHour, params.sample()).entrySet()) {
            if (q.getValue() > 0) {
                quotaRows.add(RowFactory.create(q.getKey(), q.getValue()));
            }
        }
        StructType quotaSchema = new StructType().add("hour", DataTypes.StringType).add("quota", DataTypes.LongType);
        Dataset<Row> quotas = spark.createDataFrame(quotaRows, quotaSchema);
        Column drawOrder = xxhash64(col("session_id"), lit(params.seed()));
        // Only the hours that get a quota are ranked: a sample of 100 touches at most 100 of them,
        // so most sessions are dropped before the window's shuffle and sort.
        Dataset<Row> draw = sessions.join(broadcast(quotas), "hour")
                .withColumn("draw", row_number().over(Window.partitionBy("hour")
                        .orderBy(drawOrder.asc(), col("session_id").asc())))
                .filter(col("draw").leq(col("quota")))
                .select(col("session_id"), col("start_time"), col("hour"),
                        array_join(col(SessionColumns.KEYWORDS), ",").as("search_keywords"),
                        array_join(col(SessionColumns.CLICK_CATEGORIES).cast("array<string>"), ",")
                                .as("click_category_ids"));
        return ResultTable.ordered(draw, col("start_time"), col("session_id"));
    }

    /**
     * {@code category_id, click_count, order_count, pay_count} of every category an action names.
     * Clicks are counted straight from the id column; the order and pay lists are exploded only
     * on the actions that have one.
     */
    static Dataset<Row> categoryCounts(Dataset<Row> actions) {
        Dataset<Row> clicks = actions.filter(isSetId(col("click_category_id")))
                .groupBy(col("click_category_id").as("category_id")).agg(count(lit(1)).as("clicks"))
                .select(col("category_id"), col("clicks"), lit(0L).as("orders"), lit(0L).as("pays"));
        Dataset<Row> orders = listedIds(actions, "order_categories")
                .groupBy("category_id").agg(count(lit(1)).as("orders"))
                .select(col("category_id"), lit(0L).as("clicks"), col("orders"), lit(0L).as("pays"));
        Dataset<Row> pays = listedIds(actions, "pay_categories")
                .groupBy("category_id").agg(count(lit(1)).as("pays"))
                .select(col("category_id"), lit(0L).as("clicks"), lit(0L).as("orders"), col("pays"));
        return clicks.unionByName(orders).unionByName(pays).groupBy("category_id")
                .agg(sum("clicks").as("click_count"), sum("orders").as("order_count"), sum("pays").as("pay_count"));
    }

    /**
     * {@code category_id}: one row per action and distinct set id in its {@code list} column, an
     * array of the ids as listed; {@code -1} is no id.
     */
    static Dataset<Row> listedIds(Dataset<Row> actions, String list) {
        return actions.filter(col(list).isNotNull())
                .select(explode(array_distinct(col(list))).as("category_id"))
                .filter(isSetId(col("category_id")));
    }

    /** An id is set when not null and not the platform's {@code -1} (the importer already maps -1 to NULL). */
    static Column isSetId(Column id) {
        return id.isNotNull().and(id.notEqual(-1L));
    }
}
