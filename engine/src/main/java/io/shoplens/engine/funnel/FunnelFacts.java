package io.shoplens.engine.funnel;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.array_repeat;
import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.get;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_diff;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.model.SessionColumns;

/**
 * What the funnel's tables count, per unit that reached step 1, as a few kinds of fact, counted
 * in one Spark job and collected ({@link FunnelCounts}): the unit's level and breakdown value,
 * its time to each step it reached, its signals with whether it reached the last step, and, for a
 * unit that dropped off, its id.
 */
final class FunnelFacts {

    static final String LEVEL = "L";
    static final String TIME = "T";
    static final String SIGNAL = "S";
    static final String PAGE_SIGNAL = "P";
    static final String KEYWORD_SIGNAL = "K";
    static final String CATEGORY_SIGNAL = "C";
    static final String DROP = "D";

    /** A breakdown value read from an action the attempt does not have, or a keyword of an action that is no search. */
    static final String NONE = FunnelCounts.NO_VALUE;

    private static final String VALUE = "value";
    private static final String CITY = "attributed_city";

    private final FunnelParams params;
    private final int n;

    FunnelFacts(FunnelParams params) {
        this.params = params;
        this.n = params.steps().size();
    }

    /** Counts the facts of {@code reported} (units with their attempt, from {@link Attempts#reported}). */
    FunnelCounts collect(Dataset<Row> reported, Dataset<Row> cities) {
        return FunnelCounts.of(counted(reported, cities).collectAsList(), params);
    }

    /** {@code kind, step, text, number, units}: how many units have each fact. */
    Dataset<Row> counted(Dataset<Row> reported, Dataset<Row> cities) {
        // Units that never reached step 1 give no facts. Not a filter: Spark would push it below
        // the projections and compute every unit's attempt twice, once to filter and once to read.
        Column entered = col(Attempts.LEVEL).geq(1);
        Column fact = col("fact");
        return withValue(reported, cities).select(explode(when(entered, facts())).as("fact"))
                .groupBy(fact.getField("kind").as("kind"), fact.getField("step").as("step"),
                        fact.getField("text").as("text"), fact.getField("number").as("number"))
                .agg(count(lit(1)).as("units"));
    }

    /** Adds {@link #VALUE}, the unit's breakdown value (null without a breakdown). */
    private Dataset<Row> withValue(Dataset<Row> units, Dataset<Row> cities) {
        if (params.breakdown().isEmpty()) {
            return units.withColumn(VALUE, lit(null).cast(DataTypes.StringType));
        }
        Column action = get(col(Attempts.PATH), attributedPlace());
        Column reached = action.isNotNull();
        return switch (params.breakdown().get()) {
            case CHANNEL -> units.withColumn(VALUE, when(reached,
                    orUnknown(action.getField(SessionColumns.CHANNEL), GmvAnalysis.UNKNOWN)).otherwise(lit(NONE)));
            case KEYWORD -> units.withColumn(VALUE, when(reached,
                    orUnknown(action.getField(SessionColumns.KEYWORD), NONE)).otherwise(lit(NONE)));
            case AREA -> withArea(units.withColumn(CITY, action.getField(SessionColumns.CITY_ID))
                    .withColumn("reached", reached), cities);
            case SEX -> units.withColumn(VALUE, orUnknown(col(SessionColumns.SEX), GmvAnalysis.UNKNOWN));
            case PROFESSIONAL -> units.withColumn(VALUE, orUnknown(col(SessionColumns.PROFESSIONAL),
                    GmvAnalysis.UNKNOWN));
            case AGE_GROUP -> units.withColumn(VALUE, GmvAnalysis.ageGroup(col(SessionColumns.AGE)));
        };
    }

    /** The area of the attributed action's city, as GMV names it; cities keep their smallest row. */
    private static Dataset<Row> withArea(Dataset<Row> units, Dataset<Row> cities) {
        Dataset<Row> areas = cities.groupBy(col("city_id").as("c_city_id"))
                .agg(min(struct(col("city_name"), col("area"))).getField("area").as("c_area"));
        return units.join(broadcast(areas), units.col(CITY).equalTo(areas.col("c_city_id")), "left")
                .withColumn(VALUE, when(col("reached"),
                        orUnknown(col("c_area"), GmvAnalysis.UNKNOWN_PLACE)).otherwise(lit(NONE)))
                .drop("c_city_id", "c_area", CITY, "reached");
    }

    /** The 0-based place of the action {@code --attribution} reads; null when the attempt has none. */
    private Column attributedPlace() {
        return switch (params.attribution().touch()) {
            case FIRST_TOUCH -> col(Attempts.position(0));
            case LAST_TOUCH -> lastPlace();
            case STEP -> col(Attempts.position(params.attribution().step() - 1));
        };
    }

    /** The latest action the reported attempt matched (greatest skips the places beyond the level). */
    private Column lastPlace() {
        Column[] places = new Column[n];
        for (int k = 0; k < n; k++) {
            places[k] = col(Attempts.position(k));
        }
        return greatest(places);
    }

    /** Every fact of one unit, as structs of kind, step, text and number. */
    private Column facts() {
        Column level = col(Attempts.LEVEL);
        List<Column> fixed = new ArrayList<>();
        fixed.add(fact(LEVEL, level, col(VALUE), lit(null)));
        for (int k = 1; k < n; k++) {
            Column from = get(col(Attempts.PATH), col(Attempts.position(k - 1))).getField(SessionColumns.TIME);
            Column to = get(col(Attempts.PATH), col(Attempts.position(k))).getField(SessionColumns.TIME);
            // Seconds between the two actions: in any order a step may come before the one it follows.
            fixed.add(when(level.gt(k), fact(TIME, lit(k + 1), lit(null), abs(timestamp_diff("SECOND", from, to)))));
        }
        boolean byUser = params.unit() == FunnelUnit.USER;
        Column unitId = col(FunnelUnits.UNIT_ID);
        fixed.add(when(level.lt(n), fact(DROP, level, byUser ? lit(null) : unitId, byUser ? unitId : lit(null))));
        // Signals (docs/ANALYSES.md, funnel): the user's sex, professional and age group and the
        // channel the unit came by (its first action's)...
        Column reachedLast = when(level.equalTo(n), lit(1)).otherwise(lit(0));
        Column channel = get(col(Attempts.PATH), lit(0)).getField(SessionColumns.CHANNEL);
        for (Column attribute : List.of(
                concat(lit("sex:"), orUnknown(col(SessionColumns.SEX), GmvAnalysis.UNKNOWN)),
                concat(lit("professional:"), orUnknown(col(SessionColumns.PROFESSIONAL), GmvAnalysis.UNKNOWN)),
                concat(lit("age_group:"), GmvAnalysis.ageGroup(col(SessionColumns.AGE))),
                concat(lit("channel:"), orUnknown(channel, GmvAnalysis.UNKNOWN)))) {
            fixed.add(fact(SIGNAL, reachedLast, attribute, lit(null)));
        }
        // ...and the pages, keywords and clicked categories of its actions before the reported
        // attempt's last matched one, each once. Their facts are made by zipping arrays, not by a
        // lambda per value: lambdas run interpreted and were half the cost of this projection.
        Column before = slice(col(Attempts.PATH), lit(1), lastPlace());
        Column pages = array_except(before.getField(SessionColumns.PAGE_ID), array(lit(null).cast(DataTypes.LongType)));
        Column keywords = array_except(before.getField(SessionColumns.KEYWORD),
                array(lit(null).cast(DataTypes.StringType), lit("")));
        Column categories = array_except(before.getField(SessionColumns.CLICK_CATEGORY),
                array(lit(null).cast(DataTypes.LongType), lit(-1L)));
        // The facts a unit does not have are null elements; they explode to a null fact, which
        // the counts skip (dropping them here would take a lambda).
        return concat(array(fixed.toArray(Column[]::new)),
                facts(PAGE_SIGNAL, reachedLast, null, pages),
                facts(KEYWORD_SIGNAL, reachedLast, keywords, null),
                facts(CATEGORY_SIGNAL, reachedLast, null, categories));
    }

    /** One fact per value of {@code texts} or {@code numbers} (the other null), all of the same kind and step. */
    private static Column facts(String kind, Column step, Column texts, Column numbers) {
        Column values = texts != null ? texts : numbers;
        Column count = size(values);
        Column zipped = arrays_zip(array_repeat(lit(kind), count), array_repeat(step, count),
                texts != null ? texts : array_repeat(lit(null).cast(DataTypes.StringType), count),
                numbers != null ? numbers : array_repeat(lit(null).cast(DataTypes.LongType), count));
        return zipped.cast(DataTypes.createArrayType(FACT));
    }

    private static Column fact(String kind, Column step, Column text, Column number) {
        return struct(lit(kind).as("kind"), step.cast(DataTypes.IntegerType).as("step"),
                text.cast(DataTypes.StringType).as("text"), number.cast(DataTypes.LongType).as("number"));
    }

    /** A fact's type: {@link #fact}'s struct. */
    private static final StructType FACT = new StructType().add("kind", DataTypes.StringType)
            .add("step", DataTypes.IntegerType).add("text", DataTypes.StringType).add("number", DataTypes.LongType);

    /** A missing or blank value as {@code unknown}, as GMV names it. */
    private static Column orUnknown(Column value, String unknown) {
        return when(value.isNull().or(trim(value).equalTo("")), lit(unknown)).otherwise(value);
    }
}
