package io.shoplens.engine.analysis;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The actions that the analyses of sessions, pages, products and GMV look at: those of the
 * sessions that pass a {@link SessionFilter}. User-supplied values reach Spark only as literals
 * ({@code isin}, {@code lit}), never as SQL text.
 */
public final class FilteredActions {

    private FilteredActions() {
    }

    /** Actions of {@code tables} in the date range whose sessions match {@code filter}. */
    public static Dataset<Row> of(LogTables tables, SessionFilter filter) {
        Dataset<Row> actions = tables.actions();
        if (filter.from().isPresent()) {
            actions = actions.filter(col("date").geq(lit(java.sql.Date.valueOf(filter.from().get()))));
        }
        if (filter.to().isPresent()) {
            actions = actions.filter(col("date").leq(lit(java.sql.Date.valueOf(filter.to().get()))));
        }
        if (!filter.usesSessionAttributes()) {
            return actions;
        }
        Dataset<Row> sessions = actions.groupBy("session_id").agg(
                min("user_id").as("session_user_id"),
                max(when(col("search_keyword").isin(filter.keywords().toArray()), 1).otherwise(0)).as("keyword_hit"),
                max(when(col("click_category_id").isin(filter.categories().toArray()), 1).otherwise(0))
                        .as("category_hit"));
        if (!filter.keywords().isEmpty()) {
            sessions = sessions.filter(col("keyword_hit").equalTo(1));
        }
        if (!filter.categories().isEmpty()) {
            sessions = sessions.filter(col("category_hit").equalTo(1));
        }
        if (filter.usesUserAttributes()) {
            // Inner join: a session whose user is unknown matches no user-attribute filter.
            Dataset<Row> users = tables.users().select(col("user_id").as("u_user_id"), col("age"),
                    col("professional"), col("city").as("u_city"), col("sex")).dropDuplicates("u_user_id");
            sessions = sessions.join(users, sessions.col("session_user_id").equalTo(users.col("u_user_id")));
            if (filter.minAge().isPresent()) {
                sessions = sessions.filter(col("age").geq(lit(filter.minAge().get())));
            }
            if (filter.maxAge().isPresent()) {
                sessions = sessions.filter(col("age").leq(lit(filter.maxAge().get())));
            }
            if (!filter.professionals().isEmpty()) {
                sessions = sessions.filter(col("professional").isin(filter.professionals().toArray()));
            }
            if (!filter.cities().isEmpty()) {
                sessions = sessions.filter(col("u_city").isin(filter.cities().toArray()));
            }
            if (!filter.sexes().isEmpty()) {
                sessions = sessions.filter(col("sex").isin(filter.sexes().toArray()));
            }
        }
        return actions.join(sessions.select("session_id"), "session_id", "left_semi");
    }
}
