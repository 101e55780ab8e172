package io.shoplens.engine.audience;

import io.shoplens.engine.model.SuspectRules;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.model.SessionColumns;
import io.shoplens.engine.model.SessionModelBuilder;

/**
 * The audience tables about members (docs/ANALYSES.md, audience): fake-order suspects, RFM tiers
 * and their moves, and paid→free amplification, all from the run's filtered sessions.
 */
public final class AudienceMembers {

    public static final String SUSPECTS = "suspects";
    public static final String SUSPECT_USERS = "suspect_users";
    public static final String RFM = "rfm";
    public static final String TIER_MOVES = "tier_moves";
    public static final String AMPLIFICATION = "amplification";
    /** The tables in the contract's order. */
    public static final List<String> TABLES = List.of(SUSPECTS, SUSPECT_USERS, RFM, TIER_MOVES, AMPLIFICATION);

    public static final List<String> SUSPECT_USER_COLUMNS = List.of("user_id", "rules", "sessions", "pays", "gmv");

    private static final StructType FLAG_SCHEMA = new StructType()
            .add("user_id", DataTypes.LongType).add("session_id", DataTypes.StringType)
            .add("rule", DataTypes.StringType).add("detail", DataTypes.StringType);

    private AudienceMembers() {
    }

    /** suspects, suspect_users, rfm, tier_moves and amplification, in that order. */
    public static List<ResultTable> tables(AnalysisInput input, AudienceParams params) {
        Dataset<Row> sessions = input.sessions();
        Optional<LocalDate> lastDate = AudiencePeriods.lastDate(sessions);
        ResultTable suspects = ResultTable.of(SUSPECTS, ResultTable.ordered(
                SuspectRules.flags(sessions, params.minDwellSeconds()),
                col("user_id"), col("session_id"), col("rule")));
        Dataset<Row> pays = MemberTiers.pays(sessions);
        return List.of(
                suspects,
                suspectUsers(sessions, suspects),
                rfm(pays, params.asOf().or(() -> lastDate)),
                tierMoves(sessions, pays, params, lastDate),
                ResultTable.of(AMPLIFICATION, ResultTable.ordered(
                        Amplification.table(sessions, params.paidChannels()),
                        col("cohort"), col("weeks_since_first"))));
    }

    /**
     * {@link #SUSPECT_USER_COLUMNS} for the users flagged by two distinct rules or more among
     * {@code suspects}: the rules, and all their (filtered) sessions, pay actions and GMV. Sorted
     * by user_id.
     */
    private static ResultTable suspectUsers(Dataset<Row> sessions, ResultTable suspects) {
        // The flags are collected already: back to Spark as a local table, not computed again.
        Dataset<Row> flags = sessions.sparkSession().createDataFrame(
                suspects.rows().stream().map(r -> RowFactory.create(r.toArray())).toList(), FLAG_SCHEMA);
        Dataset<Row> users = flags.groupBy(col("user_id").as("s_user"))
                .agg(count_distinct(col("rule")).as("rules"))
                .filter(col("rules").geq(SuspectRules.SUSPECT_RULES));
        Dataset<Row> totals = sessions.groupBy(col(SessionColumns.USER_ID))
                .agg(count(lit(1)).as("sessions"), sum(col(SessionColumns.ORDERS)).as("pays"),
                        coalesce(sum(col(SessionColumns.GMV)), lit(0).cast(SessionModelBuilder.MONEY)).as("gmv"));
        Dataset<Row> table = users.join(totals, users.col("s_user").equalTo(totals.col(SessionColumns.USER_ID)))
                .select(columns(SUSPECT_USER_COLUMNS));
        return ResultTable.of(SUSPECT_USERS, ResultTable.ordered(table, col("user_id")));
    }

    private static ResultTable rfm(Dataset<Row> pays, Optional<LocalDate> asOf) {
        if (asOf.isEmpty()) {
            return new ResultTable(RFM, MemberTiers.RFM_COLUMNS, List.of());
        }
        return ResultTable.of(RFM, ResultTable.ordered(MemberTiers.rfm(pays, asOf.get()), col("user_id")));
    }

    private static ResultTable tierMoves(Dataset<Row> sessions, Dataset<Row> pays, AudienceParams params,
                                         Optional<LocalDate> lastDate) {
        Optional<AudiencePeriods> periods = AudiencePeriods.of(params, lastDate);
        if (periods.isEmpty()) {
            return new ResultTable(TIER_MOVES, MemberTiers.MOVE_COLUMNS, List.of());
        }
        Dataset<Row> moves = MemberTiers.tierMoves(sessions, pays, periods.get().base().to(),
                periods.get().current().to());
        return ResultTable.of(TIER_MOVES, ResultTable.ordered(moves, col("from_rank"), col("to_rank"))
                .select(columns(MemberTiers.MOVE_COLUMNS)));
    }

    private static Column[] columns(List<String> names) {
        return names.stream().map(c -> col(c)).toArray(Column[]::new);
    }
}
