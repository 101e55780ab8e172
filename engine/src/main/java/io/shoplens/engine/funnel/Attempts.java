package io.shoplens.engine.funnel;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.reverse;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_add;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import io.shoplens.engine.model.SessionColumns;

/**
 * Each unit's reported attempt (docs/ANALYSES.md, funnel), from its path of actions: its
 * {@link #LEVEL} (the most steps any attempt reaches) and the 0-based places in the path of the
 * actions its steps matched ({@link #position(int)}, null beyond the level).
 *
 * <p>An attempt starts at an action matching step 1. Ordered: each next step is the earliest
 * matching action after the previous step's; strict: the actions right after the start; any:
 * each step is the earliest matching action after the start. With a window every matched action
 * is at most N minutes after the start. The reported attempt is the earliest start reaching the
 * level.
 *
 * <p>Without a window, in order or in any order, the first start matches each step no later than
 * any later start, so it reaches the level and is the reported one. Ordered without a window,
 * the default funnel, is then one pass over the path that tests each action against the next step
 * only ({@link #orderedFromFirstStart}). Every other mode first gets, per step, an array saying
 * which actions of the path match it ({@link #hits}); the earliest match after a place is then an
 * array search in generated code, so once the reported start is known its places cost one search
 * per step. With a window, or in strict order, the start takes one pass over the path, linear in
 * its length and the number of steps, so a user's path of thousands of actions under a 7-day
 * window costs what its actions cost, not their square:
 * <ul>
 *   <li>ordered: one pass follows all attempts at once ({@link #orderedWindowStart});</li>
 *   <li>strict: each start's level is read from the hits after it, and the earliest start of the
 *       highest found by array search;</li>
 *   <li>any order: one pass from the end keeps each step's nearest match ahead
 *       ({@link #anyOrderWindowStart}).</li>
 * </ul>
 * The passes and the hit arrays are Spark's higher-order functions, which run interpreted, about a
 * microsecond per action each: they are what the match costs, so there are as few as the mode
 * allows.
 */
final class Attempts {

    static final String PATH = "path";
    static final String LEVEL = "level";

    private static final String TIMES = "times";
    private static final String START = "start";
    private static final String LEVELS = "levels";

    private final List<FunnelStep> steps;
    private final int n;
    private final FunnelOrder order;
    private final Optional<Integer> window;

    Attempts(FunnelParams params) {
        this.steps = params.steps();
        this.n = steps.size();
        this.order = params.order();
        this.window = params.window();
    }

    /** The place of step {@code k}'s action (k from 0), as a column name. */
    static String position(int k) {
        return "p" + k;
    }

    /** Which actions of the path match step {@code k} (from 0), as a column name. */
    private static String hits(int k) {
        return "h" + k;
    }

    private static Column hitsOf(int k) {
        return col(hits(k));
    }

    /** {@code units} (with a {@link #PATH}) with {@link #LEVEL} and the places of the reported attempt. */
    Dataset<Row> reported(Dataset<Row> units) {
        if (order == FunnelOrder.ORDERED && window.isEmpty()) {
            return withLevel(units.withColumn("attempt", orderedFromFirstStart()), col("attempt"));
        }
        Dataset<Row> marked = units.withColumn(TIMES, col(PATH).getField(SessionColumns.TIME));
        for (int k = 0; k < n; k++) {
            FunnelStep step = steps.get(k);
            marked = marked.withColumn(hits(k), transform(col(PATH), step::matches));
        }
        // Each stage is a projection of its own: Spark does not merge a projection into the next
        // when that would compute an expensive expression (the hits, the passes) twice.
        Dataset<Row> withStart = switch (order) {
            case STRICT -> {
                Dataset<Row> withLevels = marked.withColumn(LEVELS, transform(places(), i ->
                        when(get(hitsOf(0), i), strictLevel(i)).otherwise(lit(0))));
                Column best = coalesce(array_max(col(LEVELS)), lit(0));
                yield withLevels.withColumn(START, when(best.gt(0),
                        array_position(col(LEVELS), best).cast(DataTypes.IntegerType).minus(1)).otherwise(lit(-1)));
            }
            case ORDERED -> marked.withColumn(START, orderedWindowStart());
            case ANY -> marked.withColumn(START, window.isEmpty() ? firstStart() : anyOrderWindowStart());
        };
        return withPlaces(withStart);
    }

    /** The unit's own columns, then the level and places of the attempt from {@link #START}. */
    private Dataset<Row> withPlaces(Dataset<Row> withStart) {
        List<String> working = new ArrayList<>(List.of(TIMES, START, LEVELS));
        for (int k = 0; k < n; k++) {
            working.add(hits(k));
        }
        List<String> own = new ArrayList<>();
        for (String name : withStart.columns()) {
            if (!working.contains(name)) {
                own.add(name);
            }
        }
        Column start = col(START);
        Column deadline = deadline(start);
        Dataset<Row> placed = withStart.withColumn(position(0), when(start.geq(0), start));
        for (int k = 1; k < n; k++) {
            Column previous = col(order == FunnelOrder.ANY ? position(0) : position(k - 1));
            Column found = order == FunnelOrder.STRICT
                    ? when(get(hitsOf(k), start.plus(k)), start.plus(k))
                    : previous.plus(array_position(slice(hitsOf(k), previous.plus(2), size(hitsOf(k))), true)
                            .cast(DataTypes.IntegerType));
            Column inTime = window.isEmpty() ? lit(true) : get(col(TIMES), found).leq(deadline);
            Column matched = col(position(k - 1)).isNotNull().and(found.gt(previous)).and(inTime);
            placed = placed.withColumn(position(k), when(coalesce(matched, lit(false)), found));
        }
        List<Column> kept = new ArrayList<>();
        own.forEach(name -> kept.add(col(name)));
        kept.add(struct(placeColumns(n)).as("attempt"));
        return withLevel(placed.select(kept.toArray(Column[]::new)), col("attempt"));
    }

    /** The unit's own columns, then the {@link #LEVEL} and the places of {@code attempt}, a struct of places. */
    private Dataset<Row> withLevel(Dataset<Row> units, Column attempt) {
        // Each place is set only when the one before is, so the level is the highest place set.
        Column level = lit(0);
        for (int k = 0; k < n; k++) {
            level = when(attempt.getField(position(k)).isNotNull(), lit(k + 1)).otherwise(level);
        }
        List<Column> columns = new ArrayList<>();
        for (String name : units.columns()) {
            if (!name.equals("attempt")) {
                columns.add(col(name));
            }
        }
        columns.add(level.as(LEVEL));
        for (int k = 0; k < n; k++) {
            columns.add(attempt.getField(position(k)).as(position(k)));
        }
        return units.select(columns.toArray(Column[]::new));
    }

    /** The columns of places p0..p{count-1}. */
    private static Column[] placeColumns(int count) {
        Column[] places = new Column[count];
        for (int k = 0; k < count; k++) {
            places[k] = col(position(k));
        }
        return places;
    }

    /**
     * Ordered without a window: the greedy match from the first start, in one pass that tests
     * each action against the next step only. The default funnel, so it gets the cheapest plan.
     */
    private Column orderedFromFirstStart() {
        List<Column> init = new ArrayList<>(List.of(lit(0).as("k")));
        for (int k = 0; k < n; k++) {
            init.add(lit(null).cast(DataTypes.IntegerType).as(position(k)));
        }
        Column path = col(PATH);
        return aggregate(places(), struct(init.toArray(Column[]::new)), (c, i) -> {
            Column k = c.getField("k");
            Column action = get(path, i);
            Column next = when(k.equalTo(0), steps.get(0).matches(action));
            for (int s = 1; s < n; s++) {
                next = next.when(k.equalTo(s), steps.get(s).matches(action));
            }
            List<Column> matched = new ArrayList<>(List.of(k.plus(1).as("k")));
            for (int s = 0; s < n; s++) {
                matched.add(when(k.equalTo(s), i).otherwise(c.getField(position(s))).as(position(s)));
            }
            // A new struct only when a step matches: most actions leave the state as it is.
            return when(next.otherwise(lit(false)), struct(matched.toArray(Column[]::new))).otherwise(c);
        }, c -> {
            // The places, read from the pass's own result: read from the pass as an expression,
            // each place would run the pass again.
            List<Column> places = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                places.add(c.getField(position(k)).as(position(k)));
            }
            return struct(places.toArray(Column[]::new));
        });
    }

    /** The 0-based places of the path. */
    private static Column places() {
        return sequence(lit(0), size(col(PATH)).minus(1));
    }

    /** The first action matching step 1, -1 when none. */
    private static Column firstStart() {
        return array_position(hitsOf(0), true).cast(DataTypes.IntegerType).minus(1);
    }

    /** The last moment a step may match for an attempt starting at place {@code start}; null without a window. */
    private Column deadline(Column start) {
        return window.map(minutes -> timestamp_add("MINUTE", lit(minutes), get(col(TIMES), start)))
                .orElse(lit(null).cast(DataTypes.TimestampNTZType));
    }

    /**
     * Ordered with a window: the place of the earliest start whose greedy match reaches the
     * highest level, -1 without a start; one pass over the path.
     *
     * <p>The attempts waiting for step k+1 all take the same next action, the first that matches
     * it, so they move as one group; and an earlier start is never behind a later one, so the
     * groups are runs of consecutive starts, later groups at lower levels. A group that takes an
     * action keeps the attempts whose window still holds it: its latest start has the latest
     * deadline, so the group goes on when that one does. (An attempt that missed its window stays
     * in the group but can never again be within it.) The pass keeps, per level k < n, the group
     * waiting there as its first and last start ({@code a<k>}, {@code b<k>}, -1 when empty) and
     * the last start's deadline ({@code d<k>}); the highest level reached so far; and, when a level
     * is first reached, the earliest start of the group that reached it with the action within its
     * window: no earlier start reaches that level at all.
     */
    private Column orderedWindowStart() {
        List<Column> init = new ArrayList<>(List.of(lit(0).as(LEVEL), lit(-1).as(START)));
        for (int k = 1; k < n; k++) {
            init.add(lit(-1).as("a" + k));
            init.add(lit(-1).as("b" + k));
            init.add(lit(null).cast(DataTypes.TimestampNTZType).as("d" + k));
        }
        return aggregate(places(), struct(init.toArray(Column[]::new)), (c, j) -> {
            Column t = get(col(TIMES), j);
            // Which groups take this action: group 0 stands for a new start at it.
            IntFunction<Column> leaves = k -> c.getField("a" + k).geq(0).and(get(hitsOf(k), j));
            IntFunction<Column> advances = k -> k == 0 ? get(hitsOf(0), j)
                    : leaves.apply(k).and(c.getField("d" + k).geq(t));
            IntFunction<Column> first = k -> k == 0 ? j : c.getField("a" + k);
            IntFunction<Column> last = k -> k == 0 ? j : c.getField("b" + k);
            IntFunction<Column> lastDeadline = k -> k == 0 ? deadline(j) : c.getField("d" + k);
            Column reached = lit(0);
            for (int k = 0; k < n; k++) {
                reached = when(advances.apply(k), lit(k + 1)).otherwise(reached);
            }
            Column earliest = when(reached.equalTo(1), j);
            for (int k = 1; k < n; k++) {
                earliest = earliest.when(reached.equalTo(k + 1), earliestInWindow(first.apply(k), last.apply(k), t));
            }
            List<Column> next = new ArrayList<>(List.of(greatest(c.getField(LEVEL), reached).as(LEVEL),
                    when(reached.gt(c.getField(LEVEL)), earliest).otherwise(c.getField(START)).as(START)));
            for (int k = 1; k < n; k++) {
                Column stays = c.getField("a" + k).geq(0).and(not(leaves.apply(k)));
                Column joins = advances.apply(k - 1);
                next.add(when(stays, c.getField("a" + k)).when(joins, first.apply(k - 1)).otherwise(lit(-1)).as("a" + k));
                next.add(when(joins, last.apply(k - 1)).when(stays, c.getField("b" + k)).otherwise(lit(-1)).as("b" + k));
                next.add(when(joins, lastDeadline.apply(k - 1)).when(stays, c.getField("d" + k)).as("d" + k));
            }
            Column touched = get(hitsOf(0), j);
            for (int k = 1; k < n; k++) {
                touched = touched.or(leaves.apply(k));
            }
            return when(touched, struct(next.toArray(Column[]::new))).otherwise(c);
        }, c -> c.getField(START));
    }

    /** The first start among places {@code from..to} whose window holds time {@code t}. */
    private Column earliestInWindow(Column from, Column to, Column t) {
        return aggregate(sequence(from, to), lit(-1), (found, i) ->
                when(found.lt(0).and(get(hitsOf(0), i)).and(deadline(i).geq(t)), i).otherwise(found));
    }

    /**
     * Any order with a window: the place of the earliest start of the highest level, in one pass
     * from the last action to the first. The pass carries, per step k ≥ 2, the time of its nearest
     * matching action ahead ({@code y<k>}, null when none). At each start, the steps from 2 on
     * with such an action within the window give the start's level; a start at least as high as
     * the best so far replaces it, so the earliest start of the highest level is the one left.
     */
    private Column anyOrderWindowStart() {
        List<Column> init = new ArrayList<>(List.of(lit(0).as(LEVEL), lit(-1).as(START)));
        for (int k = 1; k < n; k++) {
            init.add(lit(null).cast(DataTypes.TimestampNTZType).as("y" + k));
        }
        return aggregate(reverse(places()), struct(init.toArray(Column[]::new)), (c, j) -> {
            Column deadline = deadline(j);
            Column level = when(not(coalesce(c.getField("y1").leq(deadline), lit(false))), lit(1));
            for (int k = 2; k < n; k++) {
                level = level.when(not(coalesce(c.getField("y" + k).leq(deadline), lit(false))), lit(k));
            }
            level = level.otherwise(lit(n));
            Column better = get(hitsOf(0), j).and(level.geq(c.getField(LEVEL)));
            List<Column> next = new ArrayList<>(List.of(
                    when(better, level).otherwise(c.getField(LEVEL)).as(LEVEL),
                    when(better, j).otherwise(c.getField(START)).as(START)));
            for (int k = 1; k < n; k++) {
                next.add(when(get(hitsOf(k), j), get(col(TIMES), j)).otherwise(c.getField("y" + k)).as("y" + k));
            }
            return struct(next.toArray(Column[]::new));
        }, c -> c.getField(START));
    }

    /** Strict: how many steps the actions from place {@code start} on match, one action each. */
    private Column strictLevel(Column start) {
        Column deadline = deadline(start);
        Column level = null;
        for (int s = 1; s < n; s++) {
            Column at = start.plus(s);
            Column inTime = window.isEmpty() ? lit(true) : get(col(TIMES), at).leq(deadline);
            Column broken = not(coalesce(get(hitsOf(s), at).and(inTime), lit(false)));
            level = level == null ? when(broken, lit(s)) : level.when(broken, lit(s));
        }
        return level.otherwise(lit(n));
    }
}
