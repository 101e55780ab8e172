package io.shoplens.engine.audience;

import io.shoplens.engine.model.SuspectRules;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.model.SessionColumns;
import io.shoplens.engine.model.SessionModel;

/**
 * What {@code --exclude-suspects} takes out of a run: the suspect users of the whole model and
 * their sessions, so the run can say so.
 *
 * @param users    suspect users (two distinct rules or more on all the data)
 * @param sessions their sessions in the model, before any other filter
 */
public record SuspectExclusion(long users, long sessions) {

    /** Counts the suspects of {@code model} and their sessions (one Spark job). */
    public static SuspectExclusion of(SessionModel model, int minDwellSeconds) {
        Dataset<Row> sessions = model.sessions();
        Dataset<Row> suspects = SuspectRules.suspectUsers(model, minDwellSeconds).withColumnRenamed(
                SessionColumns.USER_ID, "s_user");
        Row counts = sessions.join(broadcast(suspects),
                        sessions.col(SessionColumns.USER_ID).equalTo(suspects.col("s_user")))
                .agg(count_distinct(suspects.col("s_user")), count(lit(1)))
                .first();
        return new SuspectExclusion(counts.getLong(0), counts.getLong(1));
    }

    /** The run's note, e.g. {@code excluded 3 suspect users (41 sessions)}. */
    public String note() {
        return "excluded " + users + " suspect " + (users == 1 ? "user" : "users") + " (" + sessions + " "
                + (sessions == 1 ? "session" : "sessions") + "), found on the unfiltered data";
    }
}
