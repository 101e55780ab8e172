package io.shoplens.engine.analysis;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
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

import java.util.Optional;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * One row per session of the filtered actions, made with a single shuffle of the actions and
 * shared by the analyses of sessions, pages and GMV.
 *
 * <p>Each of those needs the actions of a session in session order: the keyword and category
 * lists, the adjacent page jumps, the funnel's ordered path, GMV's first action. Computed
 * separately that was four shuffles and sorts of every action per run (a window for the jumps,
 * one for the first action, two collect_list aggregates), the dominant cost of a run at 10M
 * actions (issue 9). Here every action goes through one aggregate, the per-session answers are
 * derived from its sorted path, and only the small per-session row is kept, not the path.
 *
 * <p>Columns: {@code session_id, start_time, end_time, steps, hour} ({@code yyyy-MM-dd_HH} of the
 * first action), {@code search_keywords} and {@code click_category_ids} (distinct values in
 * session order, each where it first occurs, joined with {@code ,}; empty when none),
 * {@code pages} (page ids in session order), {@code reached} (the funnel measure given, else 0),
 * and the first action's {@code first_date, first_user_id, first_city_id, first_channel}.
 */
public final class SessionSummaries implements AutoCloseable {

    /** Name of the sorted path column a {@code reached} measure may read. */
    public static final String PATH = "path";

    private final Dataset<Row> actions;
    private final Optional<Column> reached;
    private Dataset<Row> table;

    private SessionSummaries(Dataset<Row> actions, Optional<Column> reached) {
        this.actions = actions;
        this.reached = reached;
    }

    /**
     * @param reached a per-session measure over {@link #PATH}, an array of structs
     *                {@code (action_time, source_file, source_line, page_id, keyword, category, date,
     *                user_id, city_id, channel)} in session order; the pages analysis passes its
     *                funnel reach when it has a time window
     */
    public static SessionSummaries of(Dataset<Row> actions, Optional<Column> reached) {
        return new SessionSummaries(actions, reached);
    }

    /** The summaries, computed and kept (memory, then disk) on first use. */
    public synchronized Dataset<Row> table() {
        if (table == null) {
            table = summarize(actions, reached.orElse(lit(0))).persist(StorageLevel.MEMORY_AND_DISK());
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

    static Dataset<Row> summarize(Dataset<Row> actions, Column reached) {
        Column keyword = when(trim(col("search_keyword")).notEqual(""), col("search_keyword"));
        Column category = when(col("click_category_id").isNotNull().and(col("click_category_id").notEqual(-1L)),
                col("click_category_id").cast("string"));
        // Session order: by time, ties by the row's place in its source file (the classic platform
        // left ties undefined; ours must be deterministic). Structs compare field by field, so
        // sorting them sorts in that order; sort_array runs in generated code, array_sort's
        // default comparator is an interpreted lambda.
        Column step = struct(col("action_time"), col("source_file"), col("source_line"), col("page_id"),
                keyword.as("keyword"), category.as("category"), col("date"), col("user_id"), col("city_id"),
                col("channel"));
        // The first action's attributes ride along on every step and are read off the sorted path:
        // a separate struct minimum per session cost about a tenth more CPU (10M actions).
        Column path = col(PATH);
        return actions.groupBy("session_id").agg(
                        min("action_time").as("start_time"),
                        max("action_time").as("end_time"),
                        count(lit(1)).as("steps"),
                        sort_array(collect_list(step)).as(PATH))
                .select(col("session_id"), col("start_time"), col("end_time"), col("steps"),
                        date_format(col("start_time"), "yyyy-MM-dd_HH").as("hour"),
                        // array_join skips the nulls of actions without a keyword or category.
                        array_join(array_distinct(path.getField("keyword")), ",").as("search_keywords"),
                        array_join(array_distinct(path.getField("category")), ",").as("click_category_ids"),
                        path.getField("page_id").as("pages"),
                        reached.as("reached"),
                        path.getItem(0).getField("date").as("first_date"),
                        path.getItem(0).getField("user_id").as("first_user_id"),
                        path.getItem(0).getField("city_id").as("first_city_id"),
                        path.getItem(0).getField("channel").as("first_channel"));
    }
}
