package io.shoplens.engine.funnel;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.model.SessionColumns;

/**
 * The units of a funnel from the filtered sessions of the session model: one row per unit with
 * its {@link #UNIT_ID}, its path of actions ({@link Attempts#PATH}) and its user's sex,
 * professional and age.
 */
final class FunnelUnits {

    static final String UNIT_ID = "unit_id";

    private FunnelUnits() {
    }

    static Dataset<Row> of(Dataset<Row> sessions, FunnelUnit unit) {
        if (unit == FunnelUnit.SESSION) {
            return sessions.select(col(SessionColumns.SESSION_ID).as(UNIT_ID),
                    col(SessionColumns.ACTIONS).as(Attempts.PATH), col(SessionColumns.SEX),
                    col(SessionColumns.PROFESSIONAL), col(SessionColumns.AGE));
        }
        // A user's actions over all their sessions in user order: time, then place in the source.
        // Action structs start with time, file and line, so sorting them is that order. A session
        // without a user belongs to no one: it is no unit of a user funnel.
        return sessions.filter(col(SessionColumns.USER_ID).isNotNull())
                .groupBy(col(SessionColumns.USER_ID).as(UNIT_ID))
                .agg(sort_array(flatten(collect_list(col(SessionColumns.ACTIONS)))).as(Attempts.PATH),
                        // Every session of a user carries the same user_info values.
                        min(struct(col(SessionColumns.SEX), col(SessionColumns.PROFESSIONAL),
                                col(SessionColumns.AGE))).as("u"))
                .select(col(UNIT_ID), col(Attempts.PATH), col("u." + SessionColumns.SEX).as(SessionColumns.SEX),
                        col("u." + SessionColumns.PROFESSIONAL).as(SessionColumns.PROFESSIONAL),
                        col("u." + SessionColumns.AGE).as(SessionColumns.AGE));
    }
}
