package io.shoplens.engine.sessions;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_diff;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.analysis.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/**
 * User-session analysis, ANALYSES.md "sessions": visit and step length distributions, the top-10
 * categories, the top-10 sessions of each, and a stratified random sample of sessions. Every
 * table is derived from one aggregate per session ({@link #sessionsOf}) or from the filtered
 * actions themselves.
 */
public final class SessionAnalysis {

    public static final String NAME = "sessions";

    /** Visit length in seconds; {@code 10s_30s} and {@code 30s_60s} meet at 30/31 as the contract says. */
    static final List<Bucket> VISIT_LENGTH_BUCKETS = List.of(
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
    static final List<Bucket> STEP_LENGTH_BUCKETS = List.of(
            new Bucket("1_3", 1, 3),
            new Bucket("4_6", 4, 6),
            new Bucket("7_9", 7, 9),
            new Bucket("10_30", 10, 30),
            new Bucket("30_60", 31, 60),
            new Bucket("60", 61, Long.MAX_VALUE));

    private static final int TOP = 10;

    private static final String CLICK = "c:";
    private static final String ORDER = "o:";
    private static final String PAY = "p:";
    private static final Column NO_IDS = array().cast("array<string>");

    private SessionAnalysis() {
    }

    /**
     * @param sample sessions to draw (the CLI's {@code --sample}), at least 0
     * @param seed   seed of the draw (the CLI's {@code --seed})
     */
    public record SessionParams(int sample, long seed) {

        public SessionParams {
            if (sample < 0) {
                throw new IllegalArgumentException("sample must be at least 0: " + sample);
            }
        }

        public static SessionParams defaults() {
            return new SessionParams(100, 42);
        }
    }

    /** An inclusive range of values with its name in the output. */
    record Bucket(String name, long min, long max) {
    }

    public static AnalysisResult run(AnalysisInput input, SessionParams params) {
        Dataset<Row> actions = input.actions();
        Dataset<Row> sessions = sessionsOf(actions).cache();
        try {
            Dataset<Row> categories = topCategories(actions).cache();
            try {
                List<ResultTable> tables = List.of(
                        ResultTable.of("visit_length", visitLengthBuckets(sessions)),
                        ResultTable.of("step_length", stepLengthBuckets(sessions)),
                        ResultTable.of("top_categories", categories),
                        ResultTable.of("top_sessions", topSessions(actions, categories)),
                        ResultTable.of("sampled_sessions", sampledSessions(sessions, params)));
                return new AnalysisResult(NAME, tables);
            } finally {
                categories.unpersist();
            }
        } finally {
            sessions.unpersist();
        }
    }

    /**
     * One row per session: {@code session_id, start_time, end_time, steps, hour} (the
     * {@code yyyy-MM-dd_HH} of its first action), {@code search_keywords} and
     * {@code click_category_ids}: the distinct set values in session order, each kept where it
     * first occurs, joined with {@code ,} (empty when there are none).
     */
    public static Dataset<Row> sessionsOf(Dataset<Row> actions) {
        Column keyword = when(trim(col("search_keyword")).notEqual(""), col("search_keyword"));
        Column category = when(isSetId(col("click_category_id")), col("click_category_id").cast("string"));
        return actions.groupBy("session_id").agg(
                        min("action_time").as("start_time"),
                        max("action_time").as("end_time"),
                        count(lit(1)).as("steps"),
                        inSessionOrder(keyword).as("search_keywords"),
                        inSessionOrder(category).as("click_category_ids"))
                .withColumn("hour", date_format(col("start_time"), "yyyy-MM-dd_HH"));
    }

    /** Sessions per visit length bucket (seconds from first to last action). */
    public static Dataset<Row> visitLengthBuckets(Dataset<Row> sessions) {
        Column seconds = timestamp_diff("SECOND", col("start_time"), col("end_time"));
        return distribution(sessions, seconds, VISIT_LENGTH_BUCKETS);
    }

    /** Sessions per step length bucket (actions in the session). */
    public static Dataset<Row> stepLengthBuckets(Dataset<Row> sessions) {
        return distribution(sessions, col("steps"), STEP_LENGTH_BUCKETS);
    }

    /**
     * {@code rank, category_id, click_count, order_count, pay_count}: the ten categories with
     * most clicks, then orders, then pays, ties by the smaller category id.
     */
    public static Dataset<Row> topCategories(Dataset<Row> actions) {
        Dataset<Row> counts = categoryMentionsOf(actions).groupBy("category_id").agg(
                sum("clicks").as("click_count"), sum("orders").as("order_count"), sum("pays").as("pay_count"));
        Column[] ranking = {col("click_count").desc(), col("order_count").desc(), col("pay_count").desc(),
                col("category_id").asc()};
        return counts.orderBy(ranking).limit(TOP)
                .withColumn("rank", row_number().over(Window.orderBy(ranking)).cast("long"))
                .select("rank", "category_id", "click_count", "order_count", "pay_count")
                .orderBy("rank");
    }

    /**
     * {@code category_id, rank, session_id, clicks}: for each top category, the ten sessions
     * with most clicks on it, ties by session id; rows in the categories' rank order. A top
     * category that was only ordered or paid has no rows.
     */
    public static Dataset<Row> topSessions(Dataset<Row> actions, Dataset<Row> topCategories) {
        // Keep the clicks on the ten top categories before counting per session, not after: the
        // count then shuffles a fraction of the clicks.
        Dataset<Row> top = broadcast(topCategories.select(col("category_id").as("click_category_id"),
                col("rank").as("category_rank")));
        Dataset<Row> ranked = actions.filter(isSetId(col("click_category_id")))
                .join(top, "click_category_id")
                .groupBy(col("click_category_id").as("category_id"), col("category_rank"), col("session_id"))
                .agg(count(lit(1)).as("clicks"))
                .withColumn("rank", row_number().over(Window.partitionBy("category_id")
                        .orderBy(col("clicks").desc(), col("session_id").asc())).cast("long"))
                .filter(col("rank").leq(TOP));
        return ranked.orderBy("category_rank", "rank").select("category_id", "rank", "session_id", "clicks");
    }

    /**
     * {@code session_id, start_time, hour, search_keywords, click_category_ids}: a sample of
     * {@code params.sample()} sessions stratified by the hour of their first action
     * ({@link LargestRemainder} quotas). Within an hour, sessions are taken in the order of
     * {@code xxhash64(session_id, seed)}, ties by session id: a pure function of each session's
     * id and the seed, so the draw does not depend on partitioning, input order or the machine.
     */
    public static Dataset<Row> sampledSessions(Dataset<Row> sessions, SessionParams params) {
        SparkSession spark = sessions.sparkSession();
        // Hundreds of hours at most: the quota arithmetic is done exactly, on the driver.
        LinkedHashMap<String, Long> sizes = new LinkedHashMap<>();
        for (Row r : sessions.groupBy("hour").count().orderBy("hour").collectAsList()) {
            sizes.put(r.getString(0), r.getLong(1));
        }
        List<Row> quotaRows = new ArrayList<>();
        for (Map.Entry<String, Long> q : LargestRemainder.quotas(sizes, params.sample()).entrySet()) {
            quotaRows.add(RowFactory.create(q.getKey(), q.getValue()));
        }
        StructType quotaSchema = new StructType().add("hour", DataTypes.StringType).add("quota", DataTypes.LongType);
        Dataset<Row> quotas = spark.createDataFrame(quotaRows, quotaSchema);
        Column drawOrder = xxhash64(col("session_id"), lit(params.seed()));
        return sessions
                .withColumn("draw", row_number().over(Window.partitionBy("hour")
                        .orderBy(drawOrder.asc(), col("session_id").asc())))
                .join(quotas, "hour")
                .filter(col("draw").leq(col("quota")))
                .orderBy("start_time", "session_id")
                .select("session_id", "start_time", "hour", "search_keywords", "click_category_ids");
    }

    /** {@code bucket, sessions, ratio} over every bucket in order, also the empty ones. */
    static Dataset<Row> distribution(Dataset<Row> sessions, Column value, List<Bucket> buckets) {
        Column bucketOf = lit(null).cast("int");
        for (int i = buckets.size() - 1; i >= 0; i--) {
            Bucket b = buckets.get(i);
            bucketOf = when(value.between(b.min(), b.max()), lit(i)).otherwise(bucketOf);
        }
        Dataset<Row> counts = sessions.groupBy(bucketOf.as("position")).agg(count(lit(1)).as("counted"));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            rows.add(RowFactory.create(i, buckets.get(i).name()));
        }
        StructType schema = new StructType().add("position", DataTypes.IntegerType).add("bucket", DataTypes.StringType);
        Dataset<Row> all = sessions.sparkSession().createDataFrame(rows, schema);
        Column total = sum("sessions").over(Window.partitionBy(lit(1)));
        return all.join(counts, "position", "left")
                .withColumn("sessions", coalesce(col("counted"), lit(0L)))
                .withColumn("ratio", when(total.notEqual(0), col("sessions").cast("double").divide(total)))
                .orderBy("position")
                .select("bucket", "sessions", "ratio");
    }

    /**
     * {@code category_id, clicks, orders, pays}: one row per action and category it names, with 1
     * in the column of how it names it; one pass over the actions for all three counts.
     */
    static Dataset<Row> categoryMentionsOf(Dataset<Row> actions) {
        Column click = when(isSetId(col("click_category_id")),
                array(concat(lit(CLICK), col("click_category_id").cast("string"))));
        Column mentions = concat(coalesce(click, NO_IDS),
                taggedIds(col("order_category_ids"), ORDER), taggedIds(col("pay_category_ids"), PAY));
        Column mention = col("mention");
        Column tag = concat(substring_index(mention, ":", 1), lit(":"));
        return actions.select(explode(mentions).as("mention"))
                .select(substring_index(mention, ":", -1).try_cast("long").as("category_id"),
                        tag.equalTo(CLICK).cast("long").as("clicks"),
                        tag.equalTo(ORDER).cast("long").as("orders"),
                        tag.equalTo(PAY).cast("long").as("pays"))
                .filter(isSetId(col("category_id")));
    }

    /**
     * An id list as distinct tagged texts: {@code " 3, 7,3"} with tag {@code o:} is
     * {@code [o:3, o:7]}; empty when unset. Tagging by text rather than with a lambda keeps the
     * whole pass in generated code: interpreted lambdas made it several times slower on 1M
     * actions. Ids are compared as trimmed text, so an action listing {@code 3} and {@code 03}
     * would count twice; ids are written without leading zeros.
     */
    static Column taggedIds(Column list, String tag) {
        Column compact = regexp_replace(list, "\\s+", "");
        Column tagged = concat(lit(tag), regexp_replace(compact, ",", "," + tag));
        return coalesce(array_distinct(split(tagged, ",")), NO_IDS);
    }

    /** An id is set when not null and not the platform's {@code -1} (the importer already maps -1 to NULL). */
    static Column isSetId(Column id) {
        return id.isNotNull().and(id.notEqual(-1L));
    }

    /** The session's non-null values of {@code value}, distinct, in session order, joined with {@code ,}. */
    private static Column inSessionOrder(Column value) {
        // sort_array and a field of an array of structs run in generated code; array_sort and
        // transform take lambdas, which Spark interprets row by row.
        // collect_list skips the nulls, so sort_array's null placement never matters.
        Column ordered = sort_array(collect_list(when(value.isNotNull(),
                struct(col("action_time"), col("source_file"), col("source_line"), value.as("value")))));
        return array_join(array_distinct(ordered.getField("value")), ",");
    }
}
