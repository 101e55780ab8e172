package io.shoplens.engine.audience;

import io.shoplens.engine.model.SuspectRules;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_diff;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.ntile;
import static org.apache.spark.sql.functions.sum;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

import io.shoplens.engine.model.SessionColumns;
import io.shoplens.engine.model.SessionModelBuilder;

/**
 * Member tiers (docs/ANALYSES.md, audience: rfm and tier_moves): each paying user's recency,
 * frequency and monetary value as of a date, their quintiles, and the R×F segment; and how users
 * move between segments from the end of the base period to the end of the current one.
 */
public final class MemberTiers {

    /** The R×F grid's segments, in the order the contract tries them. */
    public static final List<String> SEGMENTS = List.of("champions", "potential_loyalist", "new", "loyal",
            "need_attention", "cant_lose", "at_risk", "hibernating", "lost");
    /** The segment of a user without a pay yet. */
    public static final String NONE = "none";

    public static final List<String> RFM_COLUMNS = List.of("user_id", "recency_days", "frequency", "monetary", "r", "f",
            "m", "segment");
    public static final List<String> MOVE_COLUMNS = List.of("from_segment", "to_segment", "users");

    private static final int TILES = 5;

    private MemberTiers() {
    }

    /** One row per pay action of {@code sessions} with a user: user_id, its date and its amount (null when unknown). */
    static Dataset<Row> pays(Dataset<Row> sessions) {
        return sessions.filter(col(SessionColumns.USER_ID).isNotNull())
                .select(col(SessionColumns.USER_ID),
                        explode(filter(col(SessionColumns.ACTIONS), SuspectRules::isPay)).as("a"))
                .select(col(SessionColumns.USER_ID), col("a." + SessionColumns.DATE).as("date"),
                        col("a." + SessionColumns.AMOUNT).as("amount"));
    }

    /**
     * {@link #RFM_COLUMNS} for the users with a pay on or before {@code asOf}: recency = days from
     * the last pay to {@code asOf}, frequency = pays, monetary = GMV (unknown amounts add 0); r, f,
     * m = {@code ntile(5)} over recency descending, frequency and monetary ascending, each with
     * ties by user_id ascending, so 5 is best. Unsorted.
     */
    static Dataset<Row> rfm(Dataset<Row> pays, LocalDate asOf) {
        Column day = lit(Date.valueOf(asOf));
        Dataset<Row> perUser = pays.filter(col("date").leq(day))
                .groupBy(col(SessionColumns.USER_ID))
                .agg(max(col("date")).as("last_pay"), count(lit(1)).as("frequency"),
                        coalesce(sum(col("amount")), lit(0).cast(SessionModelBuilder.MONEY)).as("monetary"))
                .select(col(SessionColumns.USER_ID), date_diff(day, col("last_pay")).as("recency_days"),
                        col("frequency"), col("monetary"));
        // Quintiles of all paying users: one window over them all, as ntile needs (users, not actions).
        Column user = col(SessionColumns.USER_ID);
        Column r = ntile(TILES).over(Window.orderBy(col("recency_days").desc(), user.asc()));
        Column f = ntile(TILES).over(Window.orderBy(col("frequency").asc(), user.asc()));
        Column m = ntile(TILES).over(Window.orderBy(col("monetary").asc(), user.asc()));
        return perUser.withColumn("r", r).withColumn("f", f).withColumn("m", m)
                .withColumn("segment", segment(col("r"), col("f")))
                .select(RFM_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    }

    /**
     * The R×F grid (r, f from 1 to 5): the first segment of {@link #SEGMENTS} whose cells hold
     * (r, f), as the contract lists them; every cell has one.
     */
    public static String segmentOf(int r, int f) {
        if (r >= 4 && f >= 4) {
            return "champions";
        }
        if (r >= 4 && f >= 2) {
            return "potential_loyalist";
        }
        if (r >= 4) {
            return "new";
        }
        if (r == 3 && f >= 4) {
            return "loyal";
        }
        if (r == 3) {
            return "need_attention";
        }
        if (r == 1 && f >= 4) {
            return "cant_lose";
        }
        if (f >= 3) {
            return "at_risk";
        }
        return r == 2 ? "hibernating" : "lost";
    }

    /** {@link #segmentOf} in Spark: the 25 cells as a table looked up by (r, f), one rule for both. */
    static Column segment(Column r, Column f) {
        List<Column> cells = new ArrayList<>();
        for (int row = 1; row <= TILES; row++) {
            for (int column = 1; column <= TILES; column++) {
                cells.add(lit(segmentOf(row, column)));
            }
        }
        return element_at(array(cells.toArray(Column[]::new)), r.minus(1).multiply(TILES).plus(f));
    }

    /**
     * {@link #MOVE_COLUMNS}: every user of {@code sessions} counted by their segment as of
     * {@code baseEnd} and as of {@code currentEnd} ({@link #NONE} before their first pay). Sorted
     * by from_segment, then to_segment, each in grid order with {@code none} last.
     */
    static Dataset<Row> tierMoves(Dataset<Row> sessions, Dataset<Row> pays, LocalDate baseEnd, LocalDate currentEnd) {
        Dataset<Row> users = sessions.filter(col(SessionColumns.USER_ID).isNotNull())
                .select(col(SessionColumns.USER_ID)).distinct();
        Dataset<Row> before = rfm(pays, baseEnd).select(col(SessionColumns.USER_ID).as("b_user"),
                col("segment").as("b_segment"));
        Dataset<Row> after = rfm(pays, currentEnd).select(col(SessionColumns.USER_ID).as("c_user"),
                col("segment").as("c_segment"));
        Dataset<Row> moves = users
                .join(before, users.col(SessionColumns.USER_ID).equalTo(before.col("b_user")), "left")
                .join(after, users.col(SessionColumns.USER_ID).equalTo(after.col("c_user")), "left")
                .groupBy(coalesce(col("b_segment"), lit(NONE)).as("from_segment"),
                        coalesce(col("c_segment"), lit(NONE)).as("to_segment"))
                .agg(count(lit(1)).as("users"));
        return moves.withColumn("from_rank", gridRank(col("from_segment")))
                .withColumn("to_rank", gridRank(col("to_segment")));
    }

    /** 1 for champions … 9 for lost, 10 for none: the grid order tables are sorted in. */
    static Column gridRank(Column segment) {
        List<String> order = new ArrayList<>(SEGMENTS);
        order.add(NONE);
        return array_position(array(order.stream().map(s -> lit(s)).toArray(Column[]::new)), segment);
    }
}
