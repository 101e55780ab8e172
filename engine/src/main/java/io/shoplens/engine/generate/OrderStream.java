package io.shoplens.engine.generate;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An endless supply of order change events for a live orders topic: the pays of an {@link
 * ActionStream} with the same seed (so the sessions are that stream's) as rows of an {@code
 * orders} table ({@code order_id, session_id, user_id, pay_time, amount, product_ids}), each
 * inserted, every tenth later updated (its amount corrected) and every twenty-fifth deleted, in
 * canal's flat JSON or Debezium's envelope. Without sessions the rows have no {@code session_id},
 * as a shop's orders table often has not: the live view then places each order in its user's
 * session by time (the user-only mapping).
 */
public final class OrderStream {

    public enum Format { CANAL, DEBEZIUM }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ActionStream actions;
    private final Format format;
    private final boolean withSessions;
    /** Changes due after the next insert: updates and deletes of earlier orders. */
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private long orders;

    public OrderStream(long seed, Format format) {
        this(seed, format, true);
    }

    /** @param withSessions false to leave {@code session_id} out of the rows */
    public OrderStream(long seed, Format format, boolean withSessions) {
        this.actions = new ActionStream(seed);
        this.format = format;
        this.withSessions = withSessions;
    }

    /** The next change event, its order paid at {@code now}. */
    public String next(LocalDateTime now) {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        ActionStream.Action pay;
        do {
            pay = actions.next(now);
        } while (!pay.pay());
        String[] v = pay.values();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("order_id", Long.toString(++orders));
        if (withSessions) {
            row.put("session_id", v[2]);
        }
        row.put("user_id", v[1]);
        row.put("pay_time", v[4]);
        row.put("amount", v[14]);
        row.put("product_ids", v[11]);
        if (orders % 10 == 0) {
            Map<String, Object> corrected = new LinkedHashMap<>(row);
            corrected.put("amount", String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(v[14]) * 0.9));
            pending.add(event("UPDATE", row, corrected, now));
        }
        if (orders % 25 == 0) {
            pending.add(event("DELETE", row, null, now));
        }
        return event("INSERT", null, row, now);
    }

    /** {@code before} and {@code after} as the format has them; DELETE has only {@code before}. */
    private String event(String type, Map<String, Object> before, Map<String, Object> after, LocalDateTime now) {
        Map<String, Object> message = new LinkedHashMap<>();
        long millis = now.toInstant(ZoneOffset.UTC).toEpochMilli();
        if (format == Format.CANAL) {
            message.put("data", java.util.List.of(after != null ? after : before));
            message.put("old", type.equals("UPDATE") ? java.util.List.of(Map.of("amount", before.get("amount"))) : null);
            message.put("database", "shop");
            message.put("table", "orders");
            message.put("type", type);
            message.put("isDdl", false);
            message.put("es", millis);
        } else {
            message.put("before", before);
            message.put("after", after);
            message.put("source", Map.of("connector", "mysql", "db", "shop", "table", "orders"));
            message.put("op", switch (type) {
                case "INSERT" -> "c";
                case "UPDATE" -> "u";
                default -> "d";
            });
            message.put("ts_ms", millis);
        }
        try {
            return JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
