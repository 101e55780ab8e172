package io.shoplens.engine.model;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;

/**
 * The session model: the workspace's actions as one row per session ({@link SessionColumns})
 * and one row per user ({@link UserColumns}), made once per set of datasets and read by every
 * analysis of sessions, whatever its filter. The log tables stay at hand for what is not about
 * sessions (ad clicks) and for names (products, cities).
 *
 * @param sessions one row per session
 * @param users    one row per user with a session
 * @param tables   the log tables the model was made from
 */
public record SessionModel(Dataset<Row> sessions, Dataset<Row> users, LogTables tables) {

    /** The model of {@code tables}, as Spark plans (nothing is computed until asked). */
    public static SessionModel of(LogTables tables) {
        Dataset<Row> sessions = tables.actionsFromOneFile()
                ? SessionModelBuilder.sessionsOfOneFile(tables.actions(), tables.users(), tables.products(),
                        tables.cities())
                : SessionModelBuilder.sessions(tables.actions(), tables.users(), tables.products(), tables.cities());
        return new SessionModel(sessions, usersOf(sessions), tables);
    }

    /** The sessions that pass {@code filter}, in the model's columns (see {@link ModelFilter}). */
    public Dataset<Row> sessions(SessionFilter filter) {
        return ModelFilter.apply(this, filter);
    }

    /** As {@link #sessions(SessionFilter)}, suspects (if excluded) found with the run's {@code --min-dwell}. */
    public Dataset<Row> sessions(SessionFilter filter, int suspectMinDwellSeconds) {
        return ModelFilter.apply(this, filter, suspectMinDwellSeconds);
    }

    /** One row per user of {@code sessions}. */
    public static Dataset<Row> usersOf(Dataset<Row> sessions) {
        return sessions.groupBy(col(SessionColumns.USER_ID)).agg(
                        min(struct(col(SessionColumns.USER_KNOWN), col(SessionColumns.AGE),
                                col(SessionColumns.PROFESSIONAL), col(SessionColumns.USER_CITY),
                                col(SessionColumns.SEX))).as("u"),
                        count(lit(1)).as(UserColumns.SESSIONS),
                        min(struct(col(SessionColumns.START_TIME), col(SessionColumns.SESSION_ID),
                                col(SessionColumns.CHANNEL))).as("first"),
                        max(col(SessionColumns.START_TIME)).as(UserColumns.LAST_START),
                        sum(col(SessionColumns.ORDERS)).as(UserColumns.ORDERS),
                        coalesce(sum(col(SessionColumns.GMV)), lit(0).cast(SessionModelBuilder.MONEY))
                                .as(UserColumns.GMV))
                .select(col(UserColumns.USER_ID), col("u." + SessionColumns.USER_KNOWN).as(UserColumns.USER_KNOWN),
                        col("u." + SessionColumns.AGE).as(UserColumns.AGE),
                        col("u." + SessionColumns.PROFESSIONAL).as(UserColumns.PROFESSIONAL),
                        col("u." + SessionColumns.USER_CITY).as(UserColumns.USER_CITY),
                        col("u." + SessionColumns.SEX).as(UserColumns.SEX),
                        col(UserColumns.SESSIONS),
                        col("first." + SessionColumns.START_TIME).as(UserColumns.FIRST_START),
                        col("first." + SessionColumns.SESSION_ID).as(UserColumns.FIRST_SESSION_ID),
                        col("first." + SessionColumns.CHANNEL).as(UserColumns.FIRST_CHANNEL),
                        col(UserColumns.LAST_START), col(UserColumns.ORDERS), col(UserColumns.GMV));
    }
}
