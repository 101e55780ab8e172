package io.shoplens.engine.analysis;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * One row per session of the filtered actions, made with a single shuffle of the actions and
 * shared by the analyses of sessions, pages and GMV.
 *
 * <p>Pages need each session's page ids in session order (jumps, funnel), GMV the attributes of
 * its first action, sessions its start, end and length. Computed separately that is four
 * shuffles and sorts of every action per run, the dominant cost of a run at 10M actions.
 * Here every action goes through one aggregate and only the small per-session row is kept.
 *
 * <p>The sorted path carries only what must be in order (time, place in the file, page id): with
 * the keyword, category and first-action fields riding along on every step the pass cost twice
 * the CPU (docs/BENCHMARKS.md). The first action is a struct minimum instead, and
 * the keyword and category lists are made by {@link #listsOf} for the few sessions that show
 * them. When every action comes from one file ({@link LogTables#actionsFromOneFile}) the file
 * name, the same on every step, is left out: carried along it cost a fifth of the pass.
 *
 * <p>Columns: {@code session_id, start_time, end_time, steps, hour} ({@code yyyy-MM-dd_HH} of the
 * first action), {@code pages} (page ids in session order), {@code reached} (the funnel measure
 * given, else 0), and the first action's {@code first_date, first_user_id, first_city_id,
 * first_channel}.
 */
public final class SessionSummaries implements AutoCloseable {

    /** Name of the sorted path column a {@code reached} measure may read. */
    public static final String PATH = "path";

    /** Up to this many session ids, {@link #listsOf} names them in the plan as literals. */
    static final int MAX_LITERAL_IDS = 10_000;

    private final Dataset<Row> actions;
    private final Optional<Column> reached;
    private final boolean byFile;
    private Dataset<Row> table;

    private SessionSummaries(Dataset<Row> actions, Optional<Column> reached, boolean byFile) {
        this.actions = actions;
        this.reached = reached;
        this.byFile = byFile;
    }

    /**
     * @param input   the run's filtered actions, and whether they come from one file
     * @param reached a per-session measure over {@link #PATH}, an array of structs with fields
     *                {@code action_time} and {@code page_id} in session order; the pages analysis
     *                passes its funnel reach when it has a time window
     */
    public static SessionSummaries of(AnalysisInput input, Optional<Column> reached) {
        return new SessionSummaries(input.actions(), reached, !input.tables().actionsFromOneFile());
    }

    /** The summaries, computed and kept (memory, then disk) on first use. */
    public synchronized Dataset<Row> table() {
        if (table == null) {
            table = summarize(actions, reached.orElse(lit(0)), byFile).persist(StorageLevel.MEMORY_AND_DISK());
        }
        return table;
    }

    /** Frees the kept summaries. */
    @Override
    public synchronized void close() {
        if (table != null) {
            table.unpersist();
            table = null;
        }
    }

    /** @param byFile whether ties in time go by file name before line: needed unless all actions share one file */
    static Dataset<Row> summarize(Dataset<Row> actions, Column reached, boolean byFile) {
        // Session order: by time, ties by the row's place in its source file (the classic platform
        // left ties undefined; ours must be deterministic). Structs compare field by field, so
        // sorting them sorts in that order; sort_array runs in generated code, array_sort's
        // default comparator is an interpreted lambda.
        List<Column> order = byFile
                ? List.of(col("action_time"), col("source_file"), col("source_line"))
                : List.of(col("action_time"), col("source_line"));
        Column step = struct(withOrder(order, col("page_id")));
        Column first = min(struct(withOrder(order, col("date"), col("user_id"), col("city_id"), col("channel"))));
        return actions.groupBy("session_id").agg(
                        min("action_time").as("start_time"),
                        max("action_time").as("end_time"),
                        count(lit(1)).as("steps"),
                        sort_array(collect_list(step)).as(PATH),
                        first.as("first"))
                .select(col("session_id"), col("start_time"), col("end_time"), col("steps"),
                        date_format(col("start_time"), "yyyy-MM-dd_HH").as("hour"),
                        col(PATH).getField("page_id").as("pages"),
                        reached.as("reached"),
                        col("first.date").as("first_date"),
                        col("first.user_id").as("first_user_id"),
                        col("first.city_id").as("first_city_id"),
                        col("first.channel").as("first_channel"));
    }

    /** The order fields first, so structs of them compare in session order. */
    private static Column[] withOrder(List<Column> order, Column... fields) {
        return Stream.concat(order.stream(), Stream.of(fields)).toArray(Column[]::new);
    }

    /**
     * {@code session_id, search_keywords, click_category_ids} of the sessions of {@code actions}
     * with the ids given: the distinct keywords and category ids in session order, each where it
     * first occurs, joined with {@code ,}; empty when none. Meant for a handful of sessions (a
     * sample), so the sort of their actions is small.
     */
    public static Dataset<Row> listsOf(Dataset<Row> actions, Collection<String> sessionIds) {
        return listsOf(actions, sessionIds, MAX_LITERAL_IDS);
    }

    /** As {@link #listsOf(Dataset, Collection)}, with ids as literals up to {@code maxLiteralIds}. */
    static Dataset<Row> listsOf(Dataset<Row> actions, Collection<String> sessionIds, int maxLiteralIds) {
        Column keyword = when(trim(col("search_keyword")).notEqual(""), col("search_keyword"));
        Column category = when(col("click_category_id").isNotNull().and(col("click_category_id").notEqual(-1L)),
                col("click_category_id").cast("string"));
        Column step = struct(col("action_time"), col("source_file"), col("source_line"), keyword.as("keyword"),
                category.as("category"));
        Column path = col(PATH);
        return ofSessions(actions, sessionIds, maxLiteralIds)
                .groupBy("session_id").agg(sort_array(collect_list(step)).as(PATH))
                // array_join skips the nulls of actions without a keyword or category.
                .select(col("session_id"),
                        array_join(array_distinct(path.getField("keyword")), ",").as("search_keywords"),
                        array_join(array_distinct(path.getField("category")), ",").as("click_category_ids"));
    }

    /**
     * The actions of the sessions with the ids given. Every action's id is looked up: as a set of
     * literals the lookup hashes the id in place, where a broadcast join first copies it into a
     * key row, which costs the sample's lists about twice the CPU (docs/BENCHMARKS.md). A large
     * set would bloat the plan every task receives, so it goes as a table.
     */
    private static Dataset<Row> ofSessions(Dataset<Row> actions, Collection<String> sessionIds, int maxLiteralIds) {
        if (sessionIds.size() <= maxLiteralIds) {
            return actions.filter(col("session_id").isin(sessionIds.toArray()));
        }
        List<Row> rows = sessionIds.stream().map(RowFactory::create).toList();
        Dataset<Row> ids = actions.sparkSession().createDataFrame(rows,
                new StructType().add("session_id", DataTypes.StringType));
        return actions.join(broadcast(ids), "session_id", "left_semi");
    }
}
