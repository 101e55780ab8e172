package io.shoplens.engine.audience;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_diff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.model.SessionColumns;
import io.shoplens.engine.model.SessionModelBuilder;

/**
 * "Tag with paid traffic, amplify with free" (docs/ANALYSES.md, audience: amplification): users
 * in two cohorts by the channel of their first session, and per week since that session their
 * sessions through paid and free channels and the GMV the free ones brought.
 */
public final class Amplification {

    public static final String PAID_ACQUIRED = "paid_acquired";
    public static final String FREE_ACQUIRED = "free_acquired";
    public static final List<String> COLUMNS = List.of("cohort", "weeks_since_first", "users", "paid_sessions",
            "free_sessions", "free_share", "gmv_free");

    private Amplification() {
    }

    /**
     * {@link #COLUMNS}, one row per cohort and week that has sessions, unsorted. A user's first
     * session is the earliest by start time, then session_id; weeks count whole 7-day steps from
     * its date to each session's date. A session is paid when its channel is one of
     * {@code paidChannels}, free otherwise (an unknown channel included).
     */
    static Dataset<Row> table(Dataset<Row> sessions, List<String> paidChannels) {
        Dataset<Row> withUser = sessions.filter(col(SessionColumns.USER_ID).isNotNull());
        Dataset<Row> first = withUser.groupBy(col(SessionColumns.USER_ID).as("f_user"))
                .agg(min(struct(col(SessionColumns.START_TIME), col(SessionColumns.SESSION_ID),
                        col(SessionColumns.CHANNEL), col(SessionColumns.FIRST_DATE))).as("first"))
                .select(col("f_user"),
                        when(paid(col("first." + SessionColumns.CHANNEL), paidChannels), lit(PAID_ACQUIRED))
                                .otherwise(lit(FREE_ACQUIRED)).as("cohort"),
                        col("first." + SessionColumns.FIRST_DATE).as("acquired_on"));
        Column isPaid = paid(col(SessionColumns.CHANNEL), paidChannels);
        return withUser.join(first, withUser.col(SessionColumns.USER_ID).equalTo(first.col("f_user")))
                .withColumn("weeks_since_first",
                        floor(date_diff(col(SessionColumns.FIRST_DATE), col("acquired_on")).divide(7)))
                .groupBy(col("cohort"), col("weeks_since_first"))
                .agg(count_distinct(col(SessionColumns.USER_ID)).as("users"),
                        count(when(isPaid, 1)).as("paid_sessions"),
                        count(when(not(isPaid), 1)).as("free_sessions"),
                        coalesce(sum(when(not(isPaid), col(SessionColumns.GMV))), lit(0).cast(SessionModelBuilder.MONEY))
                                .as("gmv_free"))
                .withColumn("free_share",
                        col("free_sessions").divide(col("paid_sessions").plus(col("free_sessions"))))
                .select(COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new));
    }

    /** Whether {@code channel} is paid; never null, so an unknown channel is free. */
    private static Column paid(Column channel, List<String> paidChannels) {
        return coalesce(channel.isin(paidChannels.toArray()), lit(false));
    }
}
