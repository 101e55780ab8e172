package io.shoplens.engine.audience;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import static io.shoplens.engine.audience.PeriodActions.IN_BASE;
import static io.shoplens.engine.audience.PeriodActions.IN_CURRENT;
import static io.shoplens.engine.audience.PeriodActions.USER_ID;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/**
 * Audience (docs/ANALYSES.md, audience): users tagged by behaviour in the base period, the tags
 * that go with hitting a target ("sweet apples"), the look-alikes among those who did not hit it
 * and how they did in the current period, and the habit buyers who stopped and what they bought
 * instead; then the member tables: fake-order suspects, RFM tiers and their moves, and paid→free
 * amplification. Read from the filtered sessions of the session model.
 */
public final class AudienceAnalysis {

    public static final String NAME = "audience";
    public static final String USER_TAGS = "user_tags";
    public static final String TAGS = "tags";
    public static final String TAG_LIFT = TagLift.NAME;
    public static final String LOOKALIKES = Lookalikes.NAME;
    public static final String LOOKALIKE_CHECK = Lookalikes.CHECK;
    public static final String LAPSED_SUBSTITUTES = LapsedBuyers.SUBSTITUTES;
    public static final String LAPSED_SUMMARY = LapsedBuyers.SUMMARY;

    static final List<String> USER_TAGS_COLUMNS = List.of("user_id", "tag");
    static final List<String> TAGS_COLUMNS = List.of("tag", "users", "share");

    private AudienceAnalysis() {
    }

    /**
     * Every audience table in the contract's order: the tag tables, then the member tables
     * ({@link AudienceMembers}). The users the suspect rules find on this run's sessions are the
     * ones tagged {@code suspect}.
     */
    public static AnalysisResult run(AnalysisInput input, AudienceParams params) {
        List<ResultTable> members = AudienceMembers.tables(input, params);
        ResultTable suspectUsers = members.get(AudienceMembers.TABLES.indexOf(AudienceMembers.SUSPECT_USERS));
        List<ResultTable> tables = new ArrayList<>(
                tagTables(input, params, userIds(input.sessions().sparkSession(), suspectUsers)));
        tables.addAll(members);
        return new AnalysisResult(NAME, tables);
    }

    /**
     * user_tags to lapsed_summary, in that order.
     *
     * @param suspects the ids of the suspect users (column {@code user_id}), tagged {@code suspect}
     */
    static List<ResultTable> tagTables(AnalysisInput input, AudienceParams params, Dataset<Row> suspects) {
        return tagTables(input, params, suspects, true);
    }

    /**
     * user_tags to lookalike_check, without the lapsed buyers: all that the in-memory tag tables'
     * test compares, and half of {@link #tagTables}' Spark jobs are the lapsed buyers'.
     */
    static List<ResultTable> lookalikeTables(AnalysisInput input, AudienceParams params, Dataset<Row> suspects) {
        return tagTables(input, params, suspects, false);
    }

    private static List<ResultTable> tagTables(AnalysisInput input, AudienceParams params, Dataset<Row> suspects,
                                               boolean withLapsed) {
        Dataset<Row> sessions = input.sessions();
        Optional<AudiencePeriods> periods = AudiencePeriods.of(params, sessions);
        if (periods.isEmpty()) {
            Set<String> lapsed = Set.of(LapsedBuyers.SUBSTITUTES, LapsedBuyers.SUMMARY);
            return empty(params).stream().filter(t -> withLapsed || !lapsed.contains(t.name())).toList();
        }
        SparkSession spark = sessions.sparkSession();
        // Every table below reads these two: kept so the sessions are exploded and tagged once.
        Dataset<Row> actions = PeriodActions.of(sessions, periods.get()).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> userTags = UserTags.of(actions, sessions, input.tables().products(), suspects,
                params.likeClicks()).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> ranked = null;
        try {
            Target target = Target.of(params.target(), sessions);
            Dataset<Row> baseUsers = actions.filter(col(IN_BASE)).select(USER_ID).distinct();
            Dataset<Row> seeds = actions.filter(col(IN_BASE).and(target.hitBy())).select(USER_ID).distinct();
            Dataset<Row> converters = actions.filter(col(IN_CURRENT).and(target.hitBy())).select(USER_ID).distinct();
            long seedCount = seeds.count();
            TagLift.Groups groups = new TagLift.Groups(seedCount, baseUsers.count() - seedCount);

            List<ResultTable> tables = new ArrayList<>();
            tables.add(ResultTable.of(USER_TAGS, ResultTable.ordered(userTags, col(USER_ID), col(UserTags.TAG))));
            tables.add(ResultTable.of(TAGS, ResultTable.ordered(tagCounts(userTags), col("users").desc(),
                    col(UserTags.TAG))));
            ResultTable lift = ResultTable.of(TAG_LIFT, ResultTable.ordered(
                    TagLift.of(userTags, seeds, groups, target, params.minUsers()),
                    col("odds_ratio").desc(), col(UserTags.TAG)));
            tables.add(lift);

            ranked = Lookalikes.ranked(baseUsers.join(seeds, USER_ID, "left_anti"), userTags, oddsRatios(spark, lift))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            tables.add(ResultTable.of(LOOKALIKES,
                    ResultTable.ordered(Lookalikes.top(ranked, params.lookalikes()), col("rank"))));
            tables.add(ResultTable.of(LOOKALIKE_CHECK, ResultTable.ordered(
                    Lookalikes.check(spark, ranked, converters, params.lookalikes()), col("order")).drop("order")));

            if (withLapsed) {
                List<Item> habits = LapsedBuyers.habitsOf(params.lapsed(), actions);
                tables.addAll(LapsedBuyers.tables(spark, habits, actions, params.habitDays()));
            }
            return tables;
        } finally {
            if (ranked != null) {
                ranked.unpersist();
            }
            userTags.unpersist();
            actions.unpersist();
        }
    }

    /** The user ids of a collected table (already small: the suspects), back in Spark for the joins. */
    private static Dataset<Row> userIds(SparkSession spark, ResultTable table) {
        int column = table.columnIndex(USER_ID);
        List<Row> rows = table.rows().stream().map(r -> RowFactory.create(r.get(column))).toList();
        return spark.createDataFrame(rows, new StructType().add(USER_ID, DataTypes.LongType));
    }

    /** tags.csv before sorting: users per tag, and their share of the users with any tag. */
    static Dataset<Row> tagCounts(Dataset<Row> userTags) {
        Dataset<Row> tagged = userTags.agg(countDistinct(col(USER_ID)).as("tagged"));
        return userTags.groupBy(UserTags.TAG).agg(count(lit(1)).as("users"))
                .crossJoin(tagged)
                .select(col(UserTags.TAG), col("users"),
                        col("users").cast(DataTypes.DoubleType).divide(col("tagged").cast(DataTypes.DoubleType))
                                .as("share"));
    }

    /**
     * tag_lift's odds ratios as published, for the look-alike scores: the scores then sum exactly
     * the doubles the table shows, and the tags are not counted twice.
     */
    private static Dataset<Row> oddsRatios(SparkSession spark, ResultTable lift) {
        List<Row> rows = lift.rows().stream()
                .map(r -> RowFactory.create(r.get(lift.columnIndex("tag")), r.get(lift.columnIndex("odds_ratio"))))
                .toList();
        return spark.createDataFrame(rows, new StructType().add(UserTags.TAG, DataTypes.StringType)
                .add("odds_ratio", DataTypes.DoubleType));
    }

    /** No session passed the filter and no period was given: empty tables; given habits with no buyers. */
    static List<ResultTable> empty(AudienceParams params) {
        List<List<Object>> habits = LapsedBuyers.withoutRepeats(params.lapsed()).stream()
                .map(item -> Arrays.<Object>asList(item.toString(), 0L, 0L, null)).toList();
        return List.of(
                new ResultTable(USER_TAGS, USER_TAGS_COLUMNS, List.of()),
                new ResultTable(TAGS, TAGS_COLUMNS, List.of()),
                new ResultTable(TAG_LIFT, TagLift.COLUMNS, List.of()),
                new ResultTable(LOOKALIKES, Lookalikes.COLUMNS, List.of()),
                new ResultTable(LOOKALIKE_CHECK, Lookalikes.CHECK_COLUMNS, List.of(
                        Arrays.asList(Lookalikes.LOOKALIKES, 0L, 0L, null),
                        Arrays.asList(Lookalikes.OTHERS, 0L, 0L, null))),
                new ResultTable(LAPSED_SUBSTITUTES, LapsedBuyers.SUBSTITUTE_COLUMNS, List.of()),
                new ResultTable(LAPSED_SUMMARY, LapsedBuyers.SUMMARY_COLUMNS, habits));
    }
}
