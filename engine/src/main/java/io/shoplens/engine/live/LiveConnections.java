package io.shoplens.engine.live;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.imports.OrderColumns;
import io.shoplens.engine.imports.OrderMessages;
import io.shoplens.engine.workspace.Catalog;
import io.shoplens.engine.workspace.Workspace;

/**
 * The Kafka connections saved in a workspace's catalog (table {@code kafka_connections}). Everything
 * but the columns of the first catalog goes into {@code security} as JSON; {@link KafkaSettings}
 * has no password, so none is ever stored.
 */
public final class LiveConnections {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ORDERS_TOPIC = "ordersTopic";
    private static final String FLOW = "gmv.flow";
    private static final String PAID_CHANNELS = "gmv.paidChannels";

    private final Catalog catalog;

    private LiveConnections(Catalog catalog) {
        this.catalog = catalog;
    }

    public static LiveConnections of(Workspace workspace) {
        return new LiveConnections(workspace.catalog());
    }

    /** Saves a connection under its name, replacing one of the same name. */
    public void save(KafkaSettings settings) {
        save(settings, Map.of());
    }

    /**
     * Saves a connection with what the live GMV view reads besides it: the orders topic, its
     * format and the order columns' mapping (in {@code security}, under keys of their own).
     */
    public void save(LiveGmvSettings gmv) {
        Map<String, String> orders = new LinkedHashMap<>();
        orders.put(FLOW, gmv.params().flowText());
        orders.put(PAID_CHANNELS, gmv.params().paidChannelsText());
        gmv.orders().ifPresent(topic -> {
            OrderColumns c = gmv.orderColumns();
            orders.put(ORDERS_TOPIC, topic);
            orders.put("ordersFormat", gmv.ordersFormat().name());
            orders.put("orders.table", c.table());
            orders.put("orders.orderId", c.orderId());
            orders.put("orders.session", c.session());
            orders.put("orders.user", c.user());
            orders.put("orders.time", c.time());
            orders.put("orders.amount", c.amount());
            orders.put("orders.productIds", c.productIds());
        });
        save(gmv.connection(), orders);
    }

    /** A saved connection as the live GMV view reads it: without an orders topic when none was saved. */
    public Optional<LiveGmvSettings> gmv(String name) {
        return catalog.read(db -> {
            try (PreparedStatement p = db.prepareStatement(
                    "SELECT name, bootstrap, topic, security FROM kafka_connections WHERE name=? ORDER BY id")) {
                p.setString(1, name);
                try (ResultSet rs = p.executeQuery()) {
                    return rs.next() ? Optional.of(gmvOf(rs)) : Optional.<LiveGmvSettings>empty();
                }
            }
        });
    }

    private static LiveGmvSettings gmvOf(ResultSet rs) throws SQLException, java.io.IOException {
        KafkaSettings connection = settingsOf(rs);
        Map<String, String> s = JSON.readValue(rs.getString(4), new TypeReference<Map<String, String>>() { });
        try {
            // Saved before the flow and the paid channels could be set: the defaults it was counted with.
            LiveGmvParams defaults = LiveGmvParams.defaults();
            LiveGmvParams params = LiveGmvParams.parse(s.getOrDefault(FLOW, defaults.flowText()),
                    s.getOrDefault(PAID_CHANNELS, defaults.paidChannelsText()));
            if (s.get(ORDERS_TOPIC) == null) {
                return LiveGmvSettings.actions(connection).withParams(params);
            }
            return new LiveGmvSettings(connection, s.get(ORDERS_TOPIC), OrderMessages.Format.valueOf(s.get("ordersFormat")),
                    new OrderColumns(s.get("orders.table"), s.get("orders.orderId"), s.get("orders.session"),
                            s.get("orders.user"), s.get("orders.time"), s.get("orders.amount"),
                            s.get("orders.productIds")), params);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SQLException("connection " + rs.getString(1) + " has an unknown order mapping: " + e.getMessage(), e);
        }
    }

    private void save(KafkaSettings settings, Map<String, String> more) {
        catalog.inTransaction(db -> {
            try (PreparedStatement p = db.prepareStatement("DELETE FROM kafka_connections WHERE name=?")) {
                p.setString(1, settings.name());
                p.executeUpdate();
            }
            Map<String, String> security = new LinkedHashMap<>();
            security.put("consumerGroup", settings.consumerGroup());
            security.put("startingOffsets", settings.startingOffsets().name());
            security.put("format", settings.format().name());
            security.put("securityProtocol", settings.securityProtocol().name());
            security.put("saslMechanism", settings.saslMechanism());
            security.put("username", settings.username());
            security.put("truststorePath", settings.truststorePath());
            security.putAll(more);
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO kafka_connections (name, bootstrap, topic, security) VALUES (?,?,?,?)")) {
                p.setString(1, settings.name());
                p.setString(2, settings.bootstrapServers());
                p.setString(3, settings.topic());
                p.setString(4, JSON.writeValueAsString(security));
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The saved connections, by name. */
    public List<KafkaSettings> all() {
        return catalog.read(db -> {
            List<KafkaSettings> result = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement(
                    "SELECT name, bootstrap, topic, security FROM kafka_connections ORDER BY name, id");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    result.add(settingsOf(rs));
                }
            }
            return result;
        });
    }

    private static KafkaSettings settingsOf(ResultSet rs) throws SQLException, java.io.IOException {
        Map<String, String> s = JSON.readValue(rs.getString(4), new TypeReference<Map<String, String>>() { });
        KafkaSettings defaults = KafkaSettings.plaintext(rs.getString(1), rs.getString(2), rs.getString(3));
        try {
            return new KafkaSettings(defaults.name(), defaults.bootstrapServers(), defaults.topic(),
                    s.getOrDefault("consumerGroup", defaults.consumerGroup()),
                    KafkaSettings.StartingOffsets.valueOf(
                            s.getOrDefault("startingOffsets", defaults.startingOffsets().name())),
                    KafkaSettings.MessageFormat.valueOf(s.getOrDefault("format", defaults.format().name())),
                    KafkaSettings.SecurityProtocol.valueOf(
                            s.getOrDefault("securityProtocol", defaults.securityProtocol().name())),
                    s.get("saslMechanism"), s.get("username"), s.get("truststorePath"));
        } catch (IllegalArgumentException e) {
            throw new SQLException("connection " + rs.getString(1) + " has an unknown setting: " + e.getMessage(), e);
        }
    }

    /** Removes a saved connection and its live blacklist; true if there was one. */
    public boolean remove(String name) {
        return catalog.inTransaction(db -> {
            try (PreparedStatement p = db.prepareStatement("DELETE FROM live_blacklist WHERE connection=?")) {
                p.setString(1, name);
                p.executeUpdate();
            }
            try (PreparedStatement p = db.prepareStatement("DELETE FROM kafka_connections WHERE name=?")) {
                p.setString(1, name);
                return p.executeUpdate() > 0;
            }
        });
    }
}
