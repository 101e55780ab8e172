package io.shoplens.engine.live;

import java.util.Objects;
import java.util.Optional;

import io.shoplens.engine.imports.OrderColumns;
import io.shoplens.engine.imports.OrderMessages;

/**
 * Where the live GMV view reads from: the connection and its actions topic ({@code
 * connection.topic()}, user_visit_action in any form the importer reads, so {@code
 * connection.format()} does not apply), and optionally a topic of order change events with the
 * order columns' mapping, and what the tables are counted with. No secret: the password is passed
 * apart, as for the ad-click view.
 *
 * @param ordersTopic  null without orders
 * @param ordersFormat canal or Debezium; null without orders
 * @param orderColumns the mapping; null without orders
 * @param params       the page flow and the paid channels
 */
public record LiveGmvSettings(KafkaSettings connection, String ordersTopic, OrderMessages.Format ordersFormat,
                              OrderColumns orderColumns, LiveGmvParams params) {

    public LiveGmvSettings {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(params, "params");
        ordersTopic = ordersTopic == null || ordersTopic.isBlank() ? null : ordersTopic.strip();
        if (ordersTopic != null) {
            Objects.requireNonNull(ordersFormat, "ordersFormat");
            Objects.requireNonNull(orderColumns, "orderColumns");
            if (ordersTopic.equals(connection.topic())) {
                throw new IllegalArgumentException("The orders topic must not be the actions topic: " + ordersTopic);
            }
        }
    }

    /** With the default page flow and paid channels. */
    public LiveGmvSettings(KafkaSettings connection, String ordersTopic, OrderMessages.Format ordersFormat,
                           OrderColumns orderColumns) {
        this(connection, ordersTopic, ordersFormat, orderColumns, LiveGmvParams.defaults());
    }

    /** Actions only, with the default page flow and paid channels. */
    public static LiveGmvSettings actions(KafkaSettings connection) {
        return new LiveGmvSettings(connection, null, null, null);
    }

    public LiveGmvSettings withParams(LiveGmvParams counted) {
        return new LiveGmvSettings(connection, ordersTopic, ordersFormat, orderColumns, counted);
    }

    public Optional<String> orders() {
        return Optional.ofNullable(ordersTopic);
    }

    /** The topics one query subscribes to, so that both topics' offsets are committed together. */
    String subscription() {
        return ordersTopic == null ? connection.topic() : connection.topic() + "," + ordersTopic;
    }
}
