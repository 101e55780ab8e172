package io.shoplens.engine.pages;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
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

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.model.SessionColumns;

/**
 * Page single-jump conversion, docs/ANALYSES.md, pages: adjacent jumps along a page flow
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

        /** The default flow as the CLI writes it, a compile-time constant for its option's default. */
        public static final String DEFAULT_FLOW_TEXT = "1,2,3,4,5,6,7";
        public static final List<Long> DEFAULT_FLOW =
                java.util.Arrays.stream(DEFAULT_FLOW_TEXT.split(",")).map(Long::valueOf).toList();

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
        Dataset<Row> sessions = withPages(input.sessions(), params);
        return new AnalysisResult(NAME, List.of(
                ResultTable.of("page_jumps", pageJumps(sessions, params.flow())),
                ResultTable.of("session_funnel", sessionFunnel(sessions, params))));
    }

    /**
     * The sessions' page ids in session order ({@code pages}) and, with a time window, how many
     * leading pages of the flow each visits in order within it ({@code reached}); without a
     * window the page ids suffice ({@link #withReach}).
     */
    static Dataset<Row> withPages(Dataset<Row> sessions, PageParams params) {
        Column path = col(SessionColumns.ACTIONS);
        Column reached = lit(0);
        if (params.windowMinutes().isPresent()) {
            Column pages = array(params.flow().stream().map(page -> lit(page)).toArray(Column[]::new));
            // The path has every page of the session; the others never match a flow page, so they
            // only cost a comparison each.
            reached = longestPrefixWithin(path, pages, params.windowMinutes().get());
        }
        return sessions.select(path.getField(SessionColumns.PAGE_ID).as("pages"), reached.as("reached"));
    }

    /** {@code from_page, to_page}: every pair of adjacent actions of every session, in session order. */
    public static Dataset<Row> jumpsOf(Dataset<Row> sessions) {
        Column pages = col("pages");
        Column pairs = arrays_zip(slice(pages, lit(1), size(pages).minus(1)), slice(pages, lit(2), size(pages).minus(1)));
        return sessions.select(explode(pairs).as("pair"))
                .select(col("pair").getField("0").as("from_page"), col("pair").getField("1").as("to_page"))
                .filter(col("to_page").isNotNull());
    }

    /**
     * {@code step, from_page, to_page, jumps, step_rate, cumulative_rate} for each consecutive
     * pair of {@code flow}: step_rate against the previous step's jumps (the first step: the
     * first page's views), cumulative_rate against the first page's views; empty when 0.
     */
    public static Dataset<Row> pageJumps(Dataset<Row> sessions, List<Long> flow) {
        SparkSession spark = sessions.sparkSession();
        List<Row> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < flow.size(); i++) {
            pairs.add(RowFactory.create((long) i + 1, flow.get(i), flow.get(i + 1)));
        }
        StructType schema = new StructType().add("step", DataTypes.LongType)
                .add("from_page", DataTypes.LongType).add("to_page", DataTypes.LongType);
        Dataset<Row> steps = spark.createDataFrame(pairs, schema);
        Dataset<Row> wanted = steps.select("from_page", "to_page").distinct();
        Dataset<Row> jumps = jumpsOf(sessions).join(broadcast(wanted), new String[] {"from_page", "to_page"}, "left_semi")
                .groupBy("from_page", "to_page").agg(count(lit(1)).as("counted"));
        Dataset<Row> views = sessions.select(explode(col("pages")).as("page_id"))
                .filter(col("page_id").equalTo(lit(flow.get(0))))
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
    public static Dataset<Row> sessionFunnel(Dataset<Row> sessions, PageParams params) {
        List<Long> flow = params.flow();
        SparkSession spark = sessions.sparkSession();
        Dataset<Row> reach = params.windowMinutes().isPresent() ? sessions : withReach(sessions, flow);
        Dataset<Row> sessionsByReach = reach.groupBy("reached").agg(count(lit(1)).as("counted"));
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
     * Adds {@code reached}: how many leading pages of {@code flow} the session's {@code pages}
     * visit in order, by the greedy match (each flow page at its first visit after the previous
     * one's). One array search per flow page, in generated code: the same pass as a lambda over
     * the path runs interpreted, tens of seconds of CPU per 10M actions (docs/BENCHMARKS.md).
     */
    static Dataset<Row> withReach(Dataset<Row> sessions, List<Long> flow) {
        Column pages = col("pages");
        // pos: the 1-based index in pages of the last flow page matched, 0 before the first.
        Dataset<Row> matched = sessions.select(pages, lit(0).as("pos"), lit(0).as("reached"));
        for (int i = 0; i < flow.size(); i++) {
            Column rest = slice(pages, col("pos").plus(1), size(pages));
            Column stillMatching = col("reached").equalTo(i).and(col("found").gt(0));
            matched = matched.select(pages, col("pos"), col("reached"), array_position(rest, flow.get(i)).as("found"))
                    .select(pages, when(stillMatching, col("pos").plus(col("found"))).otherwise(col("pos")).as("pos"),
                            when(stillMatching, lit(i + 1)).otherwise(col("reached")).as("reached"));
        }
        return matched.select("reached");
    }

    /**
     * How many leading pages of {@code pages} the path visits in order within the window, over
     * every start at a visit of the first page (see {@link #sessionFunnel}).
     */
    static Column longestPrefixWithin(Column path, Column pages, int minutes) {
        Column fromEachStart = transform(path, (start, i) -> {
            Column deadline = timestamp_add("MINUTE", lit(minutes), start.getField(SessionColumns.TIME));
            Column rest = slice(path, i.plus(2), size(path));
            Column reached = aggregate(rest, lit(1), (k, visit) ->
                    when(visit.getField(SessionColumns.PAGE_ID).equalTo(get(pages, k))
                            .and(visit.getField(SessionColumns.TIME).leq(deadline)), k.plus(1)).otherwise(k));
            return when(start.getField(SessionColumns.PAGE_ID).equalTo(get(pages, lit(0))), reached).otherwise(0);
        });
        return coalesce(array_max(fromEachStart), lit(0));
    }

    /** {@code numerator / denominator} as an exact double, null when the denominator is 0 or null. */
    static Column rate(Column numerator, Column denominator) {
        return when(denominator.notEqual(0), numerator.cast("double").divide(denominator.cast("double")));
    }
}
