package io.shoplens.engine.audience;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * user_visit_action lines for the audience fixtures, one kind of action each, so a fixture reads
 * as what its users do. The date of an action is the date of its time; the category of product
 * {@code p} is 1; every action is in city 0.
 */
public final class Actions {

    private Actions() {
    }

    public static String click(long user, String session, String time, long product) {
        return line(user, session, time, "|1|" + product + "||||", "search");
    }

    public static String search(long user, String session, String time) {
        return line(user, session, time, "火锅||||||", "search");
    }

    public static String search(long user, String session, String time, String channel) {
        return line(user, session, time, "火锅||||||", channel);
    }

    /** A pay of {@code products} ("10,11"; empty for a pay of categories only) with its amount ("" when unknown). */
    public static String pay(long user, String session, String time, String products, String amount) {
        return line(user, session, time, "|||||1|" + products, "search") + amount;
    }

    public static String pay(long user, String session, String time, String products, String amount, String channel) {
        return line(user, session, time, "|||||1|" + products, channel) + amount;
    }

    /** date|user|session|page|time|keyword..pay_product_ids|city|channel| (pay_amount appended by pays). */
    private static String line(long user, String session, String time, String middle, String channel) {
        return time.substring(0, 10) + "|" + user + "|" + session + "|1|" + time + "|" + middle + "|0|"
                + (channel == null ? "" : channel) + "|";
    }

    public static SessionModel model(String... actions) {
        SparkSession spark = TestSpark.session();
        return SessionModel.of(LogTables.empty(spark).withActions(Fixtures.actions(spark, actions)));
    }

    public static Dataset<Row> sessions(String... actions) {
        return model(actions).sessions();
    }

    public static List<String> lines(Dataset<Row> table, String... order) {
        return io.shoplens.engine.testing.Tables.lines(io.shoplens.engine.analysis.ResultTable.of("t",
                table.orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, order.length))));
    }
}
