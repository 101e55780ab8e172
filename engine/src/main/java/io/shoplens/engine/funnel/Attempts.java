package io.shoplens.engine.funnel;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_add;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * <p>How much is tried depends on the mode. Without a window, an ordered or any-order attempt
 * from the first start matches each step no later than one from a later start, so the first
 * start reaches the level and is reported: one pass finds it and one more matches from it. With a
 * window, or in strict order, every start is tried for its level first; the earliest start of the
 * highest level is then found with array functions and matched once more for its places.
 *
 * <p>The passes over the path are Spark's higher-order functions (interpreted, no generated
 * code), so each costs a few steps per action; the places are kept in a struct, not an array, so
 * a step's update is one field.
 */
final class Attempts {

    static final String PATH = "path";
    static final String LEVEL = "level";

    private static final String START = "start";
    private static final String LEVELS = "levels";

    private final List<FunnelStep> steps;
    private final FunnelOrder order;
    private final Optional<Integer> window;

    Attempts(FunnelParams params) {
        this.steps = params.steps();
        this.order = params.order();
        this.window = params.window();
    }

    /** The place of step {@code k}'s action (k from 0), as a column name. */
    static String position(int k) {
        return "p" + k;
    }

    /** {@code units} (with a {@link #PATH}) with {@link #LEVEL} and the places of the reported attempt. */
    Dataset<Row> reported(Dataset<Row> units) {
        Column path = col(PATH);
        if (order == FunnelOrder.STRICT) {
            // Separate projections: the levels are read twice, and Spark keeps an expensive
            // expression that is read twice in a projection of its own rather than computing it twice.
            Dataset<Row> withLevels = units.withColumn(LEVELS, transform(path, (a, i) ->
                    when(step(0, a), strictLevel(path, i, deadline(a))).otherwise(lit(0))));
            Dataset<Row> withStart = startOfBest(withLevels);
            return withStart.withColumn(LEVEL, coalesce(array_max(col(LEVELS)), lit(0)))
                    .select(withPlaces(withStart, strictPlaces(col(START), col(LEVEL))));
        }
        Dataset<Row> withStart;
        if (window.isEmpty()) {
            Column matchesFirst = transform(path, a -> step(0, a));
            withStart = units.withColumn(START, array_position(matchesFirst, true).cast(DataTypes.IntegerType)
                    .minus(1));
        } else {
            withStart = startOfBest(units.withColumn(LEVELS, transform(path, (a, i) ->
                    when(step(0, a), levelFrom(path, i, deadline(a))).otherwise(lit(0)))));
        }
        Column start = col(START);
        Column deadline = deadline(get(path, start));
        Column attempt = when(start.geq(0), order == FunnelOrder.ORDERED
                ? orderedFrom(path, start, deadline) : anyOrderFrom(path, start, deadline))
                .otherwise(noAttempt());
        return withStart.select(withPlaces(withStart, attempt));
    }

    /** {@link #START}: the 0-based place of the earliest start with the highest level, -1 without one. */
    private static Dataset<Row> startOfBest(Dataset<Row> withLevels) {
        Column best = coalesce(array_max(col(LEVELS)), lit(0));
        return withLevels.withColumn(START, when(best.gt(0),
                array_position(col(LEVELS), best).cast(DataTypes.IntegerType).minus(1)).otherwise(lit(-1)));
    }

    /** The unit's columns without the working ones, then the attempt's level and places. */
    private Column[] withPlaces(Dataset<Row> units, Column attempt) {
        List<Column> columns = new ArrayList<>();
        for (String name : units.columns()) {
            if (!name.equals(START) && !name.equals(LEVELS) && !name.equals(LEVEL)) {
                columns.add(col(name));
            }
        }
        columns.add(attempt.getField(LEVEL).as(LEVEL));
        for (int k = 0; k < steps.size(); k++) {
            columns.add(attempt.getField(position(k)).as(position(k)));
        }
        return columns.toArray(Column[]::new);
    }

    /** Whether {@code action} matches step {@code k} (from 0). */
    private Column step(int k, Column action) {
        return steps.get(k).matches(action);
    }

    /** Whether {@code action} matches step {@code k}, a column (from 0). */
    private Column stepAt(Column k, Column action) {
        Column matches = when(k.equalTo(1), step(1, action));
        for (int s = 2; s < steps.size(); s++) {
            matches = matches.when(k.equalTo(s), step(s, action));
        }
        return matches.otherwise(lit(false));
    }

    /** The last moment a step may match for an attempt starting at {@code start}; null without a window. */
    private Column deadline(Column start) {
        return window.map(minutes -> timestamp_add("MINUTE", lit(minutes), start.getField(SessionColumns.TIME)))
                .orElse(lit(null));
    }

    /** Whether {@code action} is within the window ({@code deadline} null: there is none). */
    private Column inTime(Column action, Column deadline) {
        return window.isEmpty() ? lit(true) : action.getField(SessionColumns.TIME).leq(deadline);
    }

    /** The actions after place {@code start} (from 0). */
    private static Column after(Column path, Column start) {
        return slice(path, start.plus(2), size(path));
    }

    /** Ordered: the steps the greedy match from {@code start} reaches. */
    private Column levelFrom(Column path, Column start, Column deadline) {
        if (order == FunnelOrder.ANY) {
            return anyOrderLevel(path, start, deadline);
        }
        int n = steps.size();
        return aggregate(after(path, start), lit(1), (k, action) ->
                when(k.lt(n).and(inTime(action, deadline)).and(stepAt(k, action)), k.plus(1)).otherwise(k));
    }

    /** Ordered: level and places of the greedy match from {@code start}. */
    private Column orderedFrom(Column path, Column start, Column deadline) {
        int n = steps.size();
        List<Column> init = new ArrayList<>(List.of(start.plus(1).as("j"), lit(1).as("k"), start.as(position(0))));
        for (int s = 1; s < n; s++) {
            init.add(lit(null).cast(DataTypes.IntegerType).as(position(s)));
        }
        return aggregate(after(path, start), struct(init.toArray(Column[]::new)), (c, action) -> {
            Column k = c.getField("k");
            Column matched = k.lt(n).and(inTime(action, deadline)).and(stepAt(k, action));
            List<Column> next = new ArrayList<>(List.of(c.getField("j").plus(1).as("j"),
                    when(matched, k.plus(1)).otherwise(k).as("k"), c.getField(position(0)).as(position(0))));
            for (int s = 1; s < n; s++) {
                next.add(when(matched.and(k.equalTo(s)), c.getField("j")).otherwise(c.getField(position(s)))
                        .as(position(s)));
            }
            return struct(next.toArray(Column[]::new));
        }, c -> {
            List<Column> attempt = new ArrayList<>(List.of(c.getField("k").as(LEVEL)));
            for (int s = 0; s < n; s++) {
                attempt.add(c.getField(position(s)).as(position(s)));
            }
            return struct(attempt.toArray(Column[]::new));
        });
    }

    /** Any order: for steps 2..n, whether some action after {@code start} matches it in time. */
    private Column anyOrderLevel(Column path, Column start, Column deadline) {
        int n = steps.size();
        List<Column> init = new ArrayList<>();
        for (int s = 1; s < n; s++) {
            init.add(lit(false).as(position(s)));
        }
        return aggregate(after(path, start), struct(init.toArray(Column[]::new)), (c, action) -> {
            List<Column> next = new ArrayList<>();
            for (int s = 1; s < n; s++) {
                next.add(c.getField(position(s)).or(inTime(action, deadline).and(step(s, action))).as(position(s)));
            }
            return struct(next.toArray(Column[]::new));
        }, c -> leadingLevel(s -> not(c.getField(position(s)))));
    }

    /** Any order: each step's earliest matching action after {@code start}, and the leading steps found. */
    private Column anyOrderFrom(Column path, Column start, Column deadline) {
        int n = steps.size();
        List<Column> init = new ArrayList<>(List.of(start.plus(1).as("j")));
        for (int s = 1; s < n; s++) {
            init.add(lit(null).cast(DataTypes.IntegerType).as(position(s)));
        }
        return aggregate(after(path, start), struct(init.toArray(Column[]::new)), (c, action) -> {
            Column j = c.getField("j");
            List<Column> next = new ArrayList<>(List.of(j.plus(1).as("j")));
            for (int s = 1; s < n; s++) {
                // coalesce stops at the first non-null: a found step is not matched again.
                next.add(coalesce(c.getField(position(s)), when(inTime(action, deadline).and(step(s, action)), j))
                        .as(position(s)));
            }
            return struct(next.toArray(Column[]::new));
        }, c -> {
            Column level = leadingLevel(s -> c.getField(position(s)).isNull());
            List<Column> attempt = new ArrayList<>(List.of(level.as(LEVEL), start.as(position(0))));
            for (int s = 1; s < n; s++) {
                attempt.add(when(level.gt(s), c.getField(position(s))).as(position(s)));
            }
            return struct(attempt.toArray(Column[]::new));
        });
    }

    /** 1 + the number of leading steps 2..n found, given which step (from 1) is missing. */
    private Column leadingLevel(java.util.function.IntFunction<Column> missing) {
        int n = steps.size();
        Column level = when(missing.apply(1), lit(1));
        for (int s = 2; s < n; s++) {
            level = level.when(missing.apply(s), lit(s));
        }
        return level.otherwise(lit(n));
    }

    /** Strict: how many steps the actions from place {@code start} on match, one action each. */
    private Column strictLevel(Column path, Column start, Column deadline) {
        int n = steps.size();
        Column level = null;
        for (int s = 1; s < n; s++) {
            Column action = get(path, start.plus(s));
            Column broken = not(coalesce(step(s, action).and(inTime(action, deadline)), lit(false)));
            level = level == null ? when(broken, lit(s)) : level.when(broken, lit(s));
        }
        return level.otherwise(lit(n));
    }

    /** Strict: the places of a level reached from {@code start} are the next ones in the path. */
    private Column strictPlaces(Column start, Column level) {
        List<Column> attempt = new ArrayList<>(List.of(level.as(LEVEL)));
        for (int s = 0; s < steps.size(); s++) {
            attempt.add(when(level.gt(s), start.plus(s)).as(position(s)));
        }
        return struct(attempt.toArray(Column[]::new));
    }

    private Column noAttempt() {
        List<Column> attempt = new ArrayList<>(List.of(lit(0).as(LEVEL)));
        for (int s = 0; s < steps.size(); s++) {
            attempt.add(lit(null).cast(DataTypes.IntegerType).as(position(s)));
        }
        return struct(attempt.toArray(Column[]::new));
    }
}
