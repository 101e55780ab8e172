package io.shoplens.engine.audience;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.ln;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import static io.shoplens.engine.audience.PeriodActions.USER_ID;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The look-alikes (docs/ANALYSES.md, audience): users active in the base period who did not hit
 * the target there, scored by the sum of ln(odds_ratio) over their tags that go with the target
 * (odds_ratio > 1 in tag_lift). A user without such a tag scores 0 and is still scored.
 */
final class Lookalikes {

    static final String NAME = "lookalikes";
    static final List<String> COLUMNS = List.of("rank", "user_id", "score", "matched_tags");
    static final String CHECK = "lookalike_check";
    static final List<String> CHECK_COLUMNS = List.of("group", "users", "converted", "rate");
    static final String LOOKALIKES = "lookalikes";
    static final String OTHERS = "others";

    private Lookalikes() {
    }

    /**
     * Every scored user with {@code rank} (score descending, ties by user_id), {@code score} and
     * {@code matched_tags}: the tags summed, in tag order, joined with {@code ;}. The sum runs in
     * that same order, so two users with the same tags have the same score to the last bit and
     * the ranking never depends on how Spark happened to add.
     *
     * @param scored   the ids of the scored users (column {@code user_id})
     * @param userTags {@link UserTags}
     * @param oddsRatios tag_lift's {@code tag} and {@code odds_ratio}, as published
     */
    static Dataset<Row> ranked(Dataset<Row> scored, Dataset<Row> userTags, Dataset<Row> oddsRatios) {
        Dataset<Row> weights = oddsRatios.filter(col("odds_ratio").gt(1.0))
                .select(col(UserTags.TAG), ln(col("odds_ratio")).as("weight"));
        Dataset<Row> matched = userTags.join(broadcast(weights), UserTags.TAG)
                .groupBy(USER_ID)
                .agg(array_sort(collect_list(struct(col(UserTags.TAG), col("weight")))).as("m"))
                .select(col(USER_ID),
                        aggregate(col("m"), lit(0.0), (sum, t) -> sum.plus(t.getField("weight"))).as("score"),
                        array_join(transform(col("m"), t -> t.getField(UserTags.TAG)), ";").as("matched_tags"));
        return scored.join(matched, USER_ID, "left")
                .select(col(USER_ID), coalesce(col("score"), lit(0.0)).as("score"),
                        coalesce(col("matched_tags"), lit("")).as("matched_tags"))
                .withColumn("rank", row_number().over(Window.orderBy(col("score").desc(), col(USER_ID).asc()))
                        .cast(DataTypes.LongType));
    }

    /** The first {@code top} of {@link #ranked}, in lookalikes.csv's columns. */
    static Dataset<Row> top(Dataset<Row> ranked, int top) {
        return ranked.filter(col("rank").leq(top)).select(col("rank"), col(USER_ID), col("score"), col("matched_tags"));
    }

    /**
     * lookalike_check: for the look-alikes (rank ≤ {@code top}) and the others of the scored users,
     * how many there are and how many hit the target in the current period; both rows always.
     *
     * @param converters the ids of users who hit the target in the current period
     */
    static Dataset<Row> check(SparkSession spark, Dataset<Row> ranked, Dataset<Row> converters, int top) {
        Dataset<Row> members = ranked
                .join(converters.withColumn("converted", lit(true)), USER_ID, "left")
                .select(when(col("rank").leq(top), lit(LOOKALIKES)).otherwise(lit(OTHERS)).as("member_of"),
                        col("converted"));
        StructType groupsSchema = new StructType().add("group", DataTypes.StringType).add("order", DataTypes.IntegerType);
        Dataset<Row> groups = spark.createDataFrame(List.of(RowFactory.create(LOOKALIKES, 0),
                RowFactory.create(OTHERS, 1)), groupsSchema);
        return groups.join(members, groups.col("group").equalTo(members.col("member_of")), "left")
                .groupBy(col("order"), col("group"))
                .agg(count(col("member_of")).as("users"), count(col("converted")).as("converted"))
                .select(col("order"), col("group"), col("users"), col("converted"),
                        when(col("users").gt(0), col("converted").cast(DataTypes.DoubleType)
                                .divide(col("users").cast(DataTypes.DoubleType))).as("rate"));
    }
}
