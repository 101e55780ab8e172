package io.shoplens.engine.live;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.Workspace;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day before the open day as the workspace's imported actions have it, for a live view that
 * started too late to read that day from its own topic: a shop that imported yesterday's logs and
 * watches today live still sees today against the same hours of yesterday.
 *
 * <p>Its sessions are counted by the live state itself from the imported rows, so "yesterday" means
 * exactly what it means when the stream read it: the sessions whose first action is on that day
 * and their pays, cut at the same time of day. The day is read once per open day (one Spark job
 * over two date partitions) and kept.
 */
final class ImportedDayBefore {

    private static final Logger LOG = LoggerFactory.getLogger(ImportedDayBefore.class);
    private static final List<String> COLUMNS = List.of(LogKind.USER_VISIT_ACTION.schema().fieldNames());

    /** The imported actions dated from the first date to the second, in the batch's session order. */
    private final BiFunction<LocalDate, LocalDate, List<Object[]>> actions;
    private final LiveGmvParams params;
    private final Map<Long, Double> prices;
    private LocalDate cachedDay;
    private Optional<GmvDayCounts> cached = Optional.empty();

    ImportedDayBefore(BiFunction<LocalDate, LocalDate, List<Object[]>> actions, LiveGmvParams params,
                      Map<Long, Double> prices) {
        this.actions = actions;
        this.params = params;
        this.prices = Map.copyOf(prices);
    }

    /**
     * Reads the workspace's imported user_visit_action rows as they are now: the catalog is asked
     * here, once, not from the stream's thread.
     */
    static ImportedDayBefore of(SparkSession spark, Workspace workspace, LiveGmvParams params, Map<Long, Double> prices) {
        Dataset<Row> actions = workspace.tables(spark).actions();
        return new ImportedDayBefore((from, to) -> importedActions(actions, from, to), params, prices);
    }

    /** A source that holds no day: for a workspace without imported actions. */
    static ImportedDayBefore none(LiveGmvParams params) {
        return new ImportedDayBefore((from, to) -> List.of(), params, Map.of());
    }

    /**
     * The counts of {@code day}'s sessions as the imported actions have them; empty when no
     * imported session begins that day. A session that began the evening before is the day
     * before's, so that evening is read too.
     */
    synchronized Optional<GmvDayCounts> counts(LocalDate day) {
        if (!day.equals(cachedDay)) {
            cached = count(day);
            cachedDay = day;
        }
        return cached;
    }

    private Optional<GmvDayCounts> count(LocalDate day) {
        List<Object[]> rows;
        try {
            rows = actions.apply(day.minusDays(1), day);
        } catch (RuntimeException e) {
            // The comparison is a nicety; the live tables must go on without it.
            LOG.warn("Could not read {} from the imported actions; the live view compares with nothing", day, e);
            return Optional.empty();
        }
        List<GmvAction> read = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            // The rows come in session order; their position stands in for the topic offset that orders ties.
            read.add(GmvAction.of(rows.get(i), GmvAction.FROM_ACTIONS, 0, i, prices));
        }
        LiveGmvState state = new LiveGmvState(params);
        state.merge(0, read, List.of(), List.of());
        GmvDayCounts counts = state.counts(day);
        // A day only reached by sessions that began the evening before is not held.
        return counts.channels.isEmpty() ? Optional.empty() : Optional.of(counts);
    }

    private static List<Object[]> importedActions(Dataset<Row> actions, LocalDate from, LocalDate to) {
        List<Row> rows = actions
                .filter(col("date").between(lit(Date.valueOf(from)), lit(Date.valueOf(to))))
                .orderBy(col("action_time"), col("source_file"), col("source_line"))
                .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new))
                .collectAsList();
        List<Object[]> values = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Object[] v = new Object[COLUMNS.size()];
            for (int i = 0; i < v.length; i++) {
                Object value = r.get(i);
                v[i] = value instanceof Date d ? d.toLocalDate() : value;
            }
            values.add(v);
        }
        return values;
    }
}
