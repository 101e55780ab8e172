package io.shoplens.engine.pages;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.timestamp_add;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

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
import io.shoplens.engine.analysis.FilteredActions;
import io.shoplens.engine.analysis.ResultTable;

/**
 * Page single-jump conversion, ANALYSES.md "pages": adjacent jumps along a page flow
 * ({@code page_jumps}) and the strict ordered funnel of sessions ({@code session_funnel}).
 * DataFrame and SQL functions only (windows, higher-order array functions), so it also runs
 * through Spark Connect.
 */
public final class PageConversionAnalysis {

    public static final String NAME = "pages";

    private PageConversionAnalysis() {
    }

    /**
     * @param flow          the target page flow (the CLI's {@code --page-flow}), at least one page
     * @param windowMinutes the funnel's time window (the CLI's {@code --window-minutes}), at least 0
     */
    public record PageParams(List<Long> flow, Optional<Integer> windowMinutes) {

        public static final List<Long> DEFAULT_FLOW = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L);

        public PageParams {
            flow = List.copyOf(flow);
            if (flow.isEmpty()) {
                throw new IllegalArgumentException("the page flow needs at least one page");
            }
            if (windowMinutes.isPresent() && windowMinutes.get() < 0) {
                throw new IllegalArgumentException("window minutes must be at least 0: " + windowMinutes.get());
            }
        }

        public static PageParams defaults() {
            return new PageParams(DEFAULT_FLOW, Optional.empty());
        }
    }

    public static AnalysisResult run(AnalysisInput input, PageParams params) {
        Dataset<Row> actions = input.actions();
        return new AnalysisResult(NAME, List.of(
                ResultTable.of("page_jumps", pageJumps(actions, params.flow())),
                ResultTable.of("session_funnel", sessionFunnel(actions, params.flow(), params.windowMinutes()))));
    }

    /** {@code session_id, from_page, to_page}: every pair of adjacent actions in session order. */
    public static Dataset<Row> jumpsOf(Dataset<Row> actions) {
        Column next = lead(col("page_id"), 1).over(Window.partitionBy("session_id")
                .orderBy(FilteredActions.sessionOrder()));
        return actions.select(col("session_id"), col("page_id").as("from_page"), next.as("to_page"))
                .filter(col("to_page").isNotNull());
    }

    /**
     * {@code step, from_page, to_page, jumps, step_rate, cumulative_rate} for each consecutive
     * pair of {@code flow}: step_rate against the previous step's jumps (the first step: the
     * first page's views), cumulative_rate against the first page's views; empty when 0.
     */
    public static Dataset<Row> pageJumps(Dataset<Row> actions, List<Long> flow) {
        SparkSession spark = actions.sparkSession();
        List<Row> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < flow.size(); i++) {
            pairs.add(RowFactory.create((long) i + 1, flow.get(i), flow.get(i + 1)));
        }
        StructType schema = new StructType().add("step", DataTypes.LongType)
                .add("from_page", DataTypes.LongType).add("to_page", DataTypes.LongType);
        Dataset<Row> steps = spark.createDataFrame(pairs, schema);
        Dataset<Row> wanted = steps.select("from_page", "to_page").distinct();
        Dataset<Row> jumps = jumpsOf(actions).join(broadcast(wanted), new String[] {"from_page", "to_page"}, "left_semi")
                .groupBy("from_page", "to_page").agg(count(lit(1)).as("counted"));
        Dataset<Row> views = actions.filter(col("page_id").equalTo(lit(flow.get(0))))
                .agg(count(lit(1)).as("views"));
        Column previous = lag(col("jumps"), 1).over(Window.orderBy("step"));
        return steps.join(jumps, new String[] {"from_page", "to_page"}, "left")
                .withColumn("jumps", coalesce(col("counted"), lit(0L)))
                .crossJoin(views)
                .withColumn("step_rate", rate(col("jumps"), coalesce(previous, col("views"))))
                .withColumn("cumulative_rate", rate(col("jumps"), col("views")))
                .orderBy("step")
                .select("step", "from_page", "to_page", "jumps", "step_rate", "cumulative_rate");
    }

    /**
     * {@code step, page_id, sessions, rate}: sessions that visited the first {@code step} pages
     * of {@code flow} in that order, not necessarily adjacent; rate against step 1.
     *
     * <p>"Visited in order" means: the session's actions, in session order, contain the pages
     * as a subsequence. With a window of N minutes, a session counts for a step when SOME such
     * subsequence has its last page no later than N minutes (inclusive) after its first page. A
     * repeated page may open a later, tighter path: for 1,2,...,1,2,3 the path may start at the
     * second visit of page 1. So every visit of the first page is tried as a start, and from a
     * fixed start the greedy match (earliest next page) ends each prefix as early as possible,
     * which makes trying the starts enough. Without a window the greedy match from the first
     * visit is already the longest.
     */
    public static Dataset<Row> sessionFunnel(Dataset<Row> actions, List<Long> flow, Optional<Integer> windowMinutes) {
        SparkSession spark = actions.sparkSession();
        Column pages = array(flow.stream().map(page -> lit(page)).toArray(Column[]::new));
        Dataset<Row> paths = flowPathsOf(actions, flow);
        Column reached = windowMinutes.isPresent()
                ? longestPrefixWithin(col("path"), pages, windowMinutes.get())
                : longestPrefix(col("path"), pages);
        Dataset<Row> sessionsByReach = paths.select(reached.as("reached")).groupBy("reached")
                .agg(count(lit(1)).as("counted"));
        List<Row> stepRows = new ArrayList<>();
        LongStream.rangeClosed(1, flow.size()).forEach(s -> stepRows.add(RowFactory.create(s, flow.get((int) s - 1))));
        StructType schema = new StructType().add("step", DataTypes.LongType).add("page_id", DataTypes.LongType);
        Dataset<Row> steps = spark.createDataFrame(stepRows, schema);
        Column firstStep = first(col("sessions")).over(Window.orderBy("step"));
        return steps.join(sessionsByReach, col("reached").geq(col("step")), "left")
                .groupBy("step", "page_id").agg(coalesce(sum("counted"), lit(0L)).as("sessions"))
                .withColumn("rate", rate(col("sessions"), firstStep))
                .orderBy("step")
                .select("step", "page_id", "sessions", "rate");
    }

    /**
     * One row per session that visited a page of the flow: {@code path}, its visits of flow pages
     * as {@code (action_time, source_file, source_line, page_id)} in session order. Other pages
     * cannot take part in an ordered visit, so they are dropped before collecting.
     */
    static Dataset<Row> flowPathsOf(Dataset<Row> actions, List<Long> flow) {
        Column visit = struct(col("action_time"), col("source_file"), col("source_line"), col("page_id"));
        // Structs compare field by field, so sorting them is sorting by FilteredActions.sessionOrder().
        return actions.filter(col("page_id").isin(flow.toArray()))
                // sort_array runs in generated code; array_sort's default comparator is an interpreted lambda.
                .groupBy("session_id").agg(sort_array(collect_list(visit)).as("path"));
    }

    /** How many leading pages of {@code pages} the path visits in order: one greedy pass. */
    static Column longestPrefix(Column path, Column pages) {
        // get() is null past the end of the flow, so a completed flow stops matching.
        return aggregate(path, lit(0), (k, visit) ->
                when(visit.getField("page_id").equalTo(get(pages, k)), k.plus(1)).otherwise(k));
    }

    /** Like {@link #longestPrefix}, over every start at a visit of the first page, within the window. */
    static Column longestPrefixWithin(Column path, Column pages, int minutes) {
        Column fromEachStart = transform(path, (start, i) -> {
            Column deadline = timestamp_add("MINUTE", lit(minutes), start.getField("action_time"));
            Column rest = slice(path, i.plus(2), size(path));
            Column reached = aggregate(rest, lit(1), (k, visit) ->
                    when(visit.getField("page_id").equalTo(get(pages, k))
                            .and(visit.getField("action_time").leq(deadline)), k.plus(1)).otherwise(k));
            return when(start.getField("page_id").equalTo(get(pages, lit(0))), reached).otherwise(0);
        });
        return coalesce(array_max(fromEachStart), lit(0));
    }

    /** {@code numerator / denominator} as an exact double, null when the denominator is 0 or null. */
    static Column rate(Column numerator, Column denominator) {
        return when(denominator.notEqual(0), numerator.cast("double").divide(denominator.cast("double")));
    }
}
