package io.shoplens.engine.live;

import java.util.Objects;
import java.util.Optional;

import io.shoplens.engine.imports.OrderColumns;
import io.shoplens.engine.imports.OrderMessages;

/**
 * Where the live GMV view reads from: the connection and its actions topic ({@code
 * connection.topic()}, user_visit_action in any form the importer reads, so {@code
 * connection.format()} does not apply), and optionally a topic of order change events with the
 * order columns' mapping. No secret: the password is passed apart, as for the ad-click view.
 *
 * @param ordersTopic  null without orders
 * @param ordersFormat canal or Debezium; null without orders
 * @param orderColumns the mapping; null without orders
 */
public record LiveGmvSettings(KafkaSettings connection, String ordersTopic, OrderMessages.Format ordersFormat,
                              OrderColumns orderColumns) {

    public LiveGmvSettings {
        Objects.requireNonNull(connection, "connection");
        ordersTopic = ordersTopic == null || ordersTopic.isBlank() ? null : ordersTopic.strip();
        if (ordersTopic != null) {
            Objects.requireNonNull(ordersFormat, "ordersFormat");
            Objects.requireNonNull(orderColumns, "orderColumns");
            if (ordersTopic.equals(connection.topic())) {
                throw new IllegalArgumentException("The orders topic must not be the actions topic: " + ordersTopic);
            }
        }
    }

    /** Actions only. */
    public static LiveGmvSettings actions(KafkaSettings connection) {
        return new LiveGmvSettings(connection, null, null, null);
    }

    public Optional<String> orders() {
        return Optional.ofNullable(ordersTopic);
    }

    /** The topics one query subscribes to, so that both topics' offsets are committed together. */
    String subscription() {
        return ordersTopic == null ? connection.topic() : connection.topic() + "," + ordersTopic;
    }
}
