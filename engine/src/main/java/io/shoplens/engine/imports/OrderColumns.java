package io.shoplens.engine.imports;

import java.util.Objects;

/**
 * Which columns of an order table give what GMV needs (set in the live view's connect dialog and
 * saved with the connection). An order becomes one pay action of its session, so it counts as
 * the same row in user_visit_action would. A table without a session column is mapped by its user
 * alone, and each order is counted in that user's session open when it was paid (the live view's
 * rule, docs/ANALYSES.md, "live gmv").
 *
 * @param table      only change events of this table count (canal's {@code table}, Debezium's
 *                   {@code source.table}); null for every table of the topic
 * @param orderId    the order's key, which later updates and deletes name
 * @param session    the session the order was paid in; null for a user-only mapping
 * @param user       the user; null when the table has none (then the session is needed)
 * @param time       when it was paid ({@code yyyy-MM-dd HH:mm:ss}, ISO, or epoch milliseconds or microseconds)
 * @param amount     the money paid; null to price the products instead
 * @param productIds the products paid for, a comma-separated id list (a pay action needs them)
 */
public record OrderColumns(String table, String orderId, String session, String user, String time, String amount,
                           String productIds) {

    public OrderColumns {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(productIds, "productIds");
        table = blankToNull(table);
        session = blankToNull(session);
        user = blankToNull(user);
        amount = blankToNull(amount);
        if (session == null && user == null) {
            throw new IllegalArgumentException("an order needs a session or a user column");
        }
    }

    /** Whether orders name their user but not their session. */
    public boolean userOnly() {
        return session == null;
    }

    /** The names a shop's {@code orders} table often has. */
    public static OrderColumns defaults() {
        return new OrderColumns("orders", "order_id", "session_id", "user_id", "pay_time", "amount", "product_ids");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
