package io.shoplens.engine.live;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.imports.ActionMessages;
import io.shoplens.engine.imports.OrderMessages;
import io.shoplens.engine.logs.LogKind;

/**
 * Kafka messages of the live GMV view as the rows it stores per batch ({@link #SCHEMA}): an action
 * is its user_visit_action values; an order change its pay action and {@code order_id} (a deletion
 * only the id); a malformed message its text and reason. Parsing is the importer's ({@link
 * ActionMessages}, {@link OrderMessages}); the stored rows are read back into the state's inputs
 * ({@link #inputs}) the same way after a restart as in the batch that stored them.
 */
final class LiveGmvMessages {

    private static final int ACTION_COLUMNS = LogKind.USER_VISIT_ACTION.schema().size();
    static final int ORDER_ID = ACTION_COLUMNS;
    static final int SOURCE = ACTION_COLUMNS + 1;
    static final int TOPIC = ACTION_COLUMNS + 2;
    static final int PARTITION = ACTION_COLUMNS + 3;
    static final int OFFSET = ACTION_COLUMNS + 4;
    static final int REASON = ACTION_COLUMNS + 5;
    static final int MESSAGE = ACTION_COLUMNS + 6;

    /** user_visit_action's columns, then where the row came from and, for a malformed message, why. */
    static final StructType SCHEMA = LogKind.USER_VISIT_ACTION.schema()
            .add("order_id", DataTypes.StringType)
            .add("source", DataTypes.IntegerType)
            .add("topic", DataTypes.StringType)
            .add("partition", DataTypes.IntegerType)
            .add("offset", DataTypes.LongType)
            .add("malformed_reason", DataTypes.StringType)
            .add("message", DataTypes.StringType);

    /** A malformed message's text is cut to this for the status panel. */
    private static final int SAMPLE_CHARS = 200;

    /** What one batch gives the state. */
    record Inputs(List<GmvAction> actions, List<LiveGmvState.OrderChange> orders,
                  List<LiveGmvState.Malformed> malformed) {
    }

    private LiveGmvMessages() {
    }

    /** The stored rows of one Kafka message. */
    static List<Object[]> rows(LiveGmvSettings settings, String topic, int partition, long offset, String text) {
        if (topic.equals(settings.connection().topic())) {
            ActionMessages.Parsed parsed = ActionMessages.parse(text);
            return Collections.singletonList(parsed.accepted() ? row(parsed.values(), null, GmvAction.FROM_ACTIONS, topic, partition, offset)
                    : malformed(GmvAction.FROM_ACTIONS, topic, partition, offset, parsed.reason(), text));
        }
        OrderMessages.Parsed parsed = OrderMessages.parse(text, settings.ordersFormat(), settings.orderColumns());
        if (!parsed.accepted()) {
            return Collections.singletonList(malformed(GmvAction.FROM_ORDERS, topic, partition, offset, parsed.reason(), text));
        }
        List<Object[]> rows = new ArrayList<>();
        for (OrderMessages.Change c : parsed.changes()) {
            rows.add(row(c.action() == null ? new Object[ACTION_COLUMNS] : c.action(), c.orderId(), GmvAction.FROM_ORDERS,
                    topic, partition, offset));
        }
        return rows;
    }

    private static Object[] row(Object[] action, String orderId, int source, String topic, int partition, long offset) {
        Object[] row = new Object[SCHEMA.size()];
        System.arraycopy(action, 0, row, 0, ACTION_COLUMNS);
        row[ORDER_ID] = orderId;
        row[SOURCE] = source;
        row[TOPIC] = topic;
        row[PARTITION] = partition;
        row[OFFSET] = offset;
        return row;
    }

    private static Object[] malformed(int source, String topic, int partition, long offset, String reason, String text) {
        Object[] row = row(new Object[ACTION_COLUMNS], null, source, topic, partition, offset);
        row[REASON] = reason;
        String message = text == null ? "" : text.strip();
        row[MESSAGE] = message.length() > SAMPLE_CHARS ? message.substring(0, SAMPLE_CHARS) : message;
        return row;
    }

    /** The state's inputs from stored rows, in their order; {@code prices} price pays without pay_amount. */
    static Inputs inputs(List<Object[]> rows, Map<Long, Double> prices) {
        List<GmvAction> actions = new ArrayList<>();
        List<LiveGmvState.OrderChange> orders = new ArrayList<>();
        List<LiveGmvState.Malformed> malformed = new ArrayList<>();
        for (Object[] r : rows) {
            int source = (Integer) r[SOURCE];
            int partition = (Integer) r[PARTITION];
            long offset = (Long) r[OFFSET];
            if (r[REASON] != null) {
                malformed.add(new LiveGmvState.Malformed(source, (String) r[TOPIC], partition, offset, (String) r[REASON],
                        (String) r[MESSAGE]));
            } else if (source == GmvAction.FROM_ACTIONS) {
                actions.add(GmvAction.of(r, source, partition, offset, prices));
            } else {
                boolean deleted = r[4] == null;
                orders.add(new LiveGmvState.OrderChange((String) r[ORDER_ID],
                        deleted ? null : GmvAction.of(r, source, partition, offset, prices)));
            }
        }
        return new Inputs(actions, orders, malformed);
    }

    /** The latest action time among {@code inputs}, for the latency the status shows; null with none. */
    static LocalDateTime latest(Inputs inputs) {
        LocalDateTime latest = null;
        for (GmvAction a : inputs.actions()) {
            latest = latest == null || a.time().isAfter(latest) ? a.time() : latest;
        }
        return latest;
    }
}
