package io.shoplens.engine.imports;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.logs.LogKind;

/**
 * Order rows arriving as change events, turned into pay actions (user_visit_action values) keyed
 * by order id: canal's flat JSON ({@code {"data":[…],"type":"INSERT","table":"orders",…}}) and
 * Debezium's envelope ({@code {"before":…,"after":…,"op":"c"}}, also inside {@code payload}).
 *
 * <p>Inserts, snapshot reads and updates give the order as it now is (an update replaces what the
 * order counted before); deletes take it away. DDL, other tables and Debezium's tombstones (the
 * empty message after a delete) are no orders and not errors: they give no change.
 */
public final class OrderMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int COLUMNS = LogKind.USER_VISIT_ACTION.schema().size();
    /** Epoch values above this are microseconds (Debezium's MicroTimestamp), below it milliseconds. */
    private static final long MICROS_FROM = 100_000_000_000_000L;

    public enum Format { CANAL, DEBEZIUM }

    /**
     * One order's new state.
     *
     * @param action the order as a pay action in {@link LogKind#schema()} order; null when deleted
     */
    public record Change(String orderId, Object[] action) {

        public boolean deleted() {
            return action == null;
        }
    }

    /** The changes a message carries (canal may batch several rows), or why it cannot be read. */
    public record Parsed(List<Change> changes, String reason) {

        public boolean accepted() {
            return reason == null;
        }

        static Parsed rejected(String reason) {
            return new Parsed(List.of(), reason);
        }
    }

    private OrderMessages() {
    }

    public static Parsed parse(String text, Format format, OrderColumns columns) {
        if (text == null || text.isBlank()) {
            return format == Format.DEBEZIUM ? new Parsed(List.of(), null) : Parsed.rejected("empty message");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return Parsed.rejected("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return Parsed.rejected("not a JSON object");
        }
        try {
            return new Parsed(format == Format.CANAL ? canal(node, columns) : debezium(node, columns), null);
        } catch (RowRejectedException e) {
            return Parsed.rejected(e.getMessage());
        }
    }

    private static List<Change> canal(JsonNode node, OrderColumns columns) throws RowRejectedException {
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new RowRejectedException("not a canal message: no \"type\"");
        }
        if (node.path("isDdl").asBoolean(false) || !ofTable(node.path("table"), columns)) {
            return List.of();
        }
        String kind = type.asText().toUpperCase(Locale.ROOT);
        if (!kind.equals("INSERT") && !kind.equals("UPDATE") && !kind.equals("DELETE")) {
            return List.of();
        }
        JsonNode data = node.get("data");
        if (data == null || !data.isArray()) {
            throw new RowRejectedException("canal " + kind + " without a \"data\" array");
        }
        List<Change> changes = new ArrayList<>();
        for (JsonNode row : data) {
            changes.add(kind.equals("DELETE") ? deletion(row, columns) : order(row, columns));
        }
        return changes;
    }

    private static List<Change> debezium(JsonNode node, OrderColumns columns) throws RowRejectedException {
        JsonNode envelope = node.has("payload") && node.get("payload").isObject() ? node.get("payload") : node;
        JsonNode op = envelope.get("op");
        if (op == null || !op.isTextual()) {
            throw new RowRejectedException("not a Debezium change event: no \"op\"");
        }
        if (!ofTable(envelope.path("source").path("table"), columns)) {
            return List.of();
        }
        return switch (op.asText()) {
            case "c", "r", "u" -> List.of(order(envelope.get("after"), columns));
            case "d" -> List.of(deletion(envelope.get("before"), columns));
            // "t" (truncate) and "m" (message) name no order.
            default -> List.of();
        };
    }

    private static boolean ofTable(JsonNode table, OrderColumns columns) {
        return columns.table() == null || !table.isTextual() || table.asText().equalsIgnoreCase(columns.table());
    }

    private static Change deletion(JsonNode row, OrderColumns columns) throws RowRejectedException {
        return new Change(orderId(row, columns), null);
    }

    private static String orderId(JsonNode row, OrderColumns columns) throws RowRejectedException {
        if (row == null || !row.isObject()) {
            throw new RowRejectedException("the order row is not a JSON object");
        }
        String id = text(row, columns.orderId());
        if (id == null) {
            throw new RowRejectedException(columns.orderId() + ": missing (the order id)");
        }
        return id;
    }

    /** The row as the pay action the batch analyses would read for it. */
    private static Change order(JsonNode row, OrderColumns columns) throws RowRejectedException {
        String id = orderId(row, columns);
        String session = columns.userOnly() ? null : text(row, columns.session());
        if (session == null && !columns.userOnly()) {
            throw new RowRejectedException(columns.session() + ": missing (the session)");
        }
        String user = columns.user() == null ? null : text(row, columns.user());
        if (user == null && columns.userOnly()) {
            throw new RowRejectedException(columns.user() + ": missing (the user, whose session the order counts in)");
        }
        LocalDateTime time = time(columns.time(), row.get(columns.time()));
        String products = RowParser.idList(columns.productIds(), text(row, columns.productIds()));
        if (products == null) {
            throw new RowRejectedException(columns.productIds() + ": missing (an order pays for products)");
        }
        Object[] action = new Object[COLUMNS];
        action[0] = time.toLocalDate();
        action[1] = user == null ? null : RowParser.id(columns.user(), user);
        action[2] = session;
        action[4] = time;
        action[11] = products;
        action[14] = columns.amount() == null ? null : RowParser.decimal(columns.amount(), text(row, columns.amount()));
        return new Change(id, action);
    }

    private static String text(JsonNode row, String column) {
        JsonNode v = row.get(column);
        return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
    }

    private static LocalDateTime time(String column, JsonNode v) throws RowRejectedException {
        if (v != null && v.isIntegralNumber()) {
            long epoch = v.asLong();
            // Debezium writes a DATETIME column as its wall-clock time counted from the epoch in UTC.
            long micros = epoch >= MICROS_FROM ? epoch : Math.multiplyExact(epoch, 1000L);
            return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
        }
        String raw = v == null || v.isNull() ? null : v.asText();
        if (raw != null && raw.length() > 10 && raw.charAt(10) == 'T') {
            try {
                return LocalDateTime.parse(raw.endsWith("Z") ? raw.substring(0, raw.length() - 1) : raw);
            } catch (DateTimeParseException e) {
                throw new RowRejectedException(column + ": not a time: " + RowParser.quote(raw));
            }
        }
        return RowParser.time(column, raw);
    }
}
