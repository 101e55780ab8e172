package io.shoplens.engine.live;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.generate.ActionStream;
import io.shoplens.engine.generate.OrderStream;
import io.shoplens.engine.logs.LogKind;

/**
 * What {@code shoplens produce --kind actions|orders} sends ({@link ClickProducer#run}): generated
 * actions in one of the forms the live GMV view reads, or order change events; each stamped with
 * the local time it is sent.
 */
public final class GmvProducerMessages {

    /** CSV: a comma-separated line of 15 columns; PLATFORM: the platform's 13-column {@code _} line; JSON: an object. */
    public enum ActionFormat { CSV, PLATFORM, JSON }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COLUMNS = LogKind.USER_VISIT_ACTION.schema().fieldNames();

    private GmvProducerMessages() {
    }

    /**
     * @param withPays false to leave the pays out, when {@code --kind orders} with the same seed
     *                 sends them as orders (both would count)
     */
    public static ClickProducer.Messages actions(long seed, ActionFormat format, boolean withPays) {
        ActionStream stream = new ActionStream(seed);
        return new ClickProducer.Messages() {
            @Override
            public String next(long sentAtMillis) {
                ActionStream.Action a;
                do {
                    a = stream.next(local(sentAtMillis));
                } while (a.pay() && !withPays);
                return action(a.values(), format);
            }

            @Override
            public String malformed(long n) {
                return switch ((int) (n % 3)) {
                    case 0 -> "malformed message " + n;
                    case 1 -> format == ActionFormat.JSON ? "{\"date\": \"soon\"}" : "2019-02-30,1,s,1,x,,,,,,,,1";
                    default -> "";
                };
            }
        };
    }

    /** @param withSessions false for orders without {@code session_id}, to try the user-only mapping */
    public static ClickProducer.Messages orders(long seed, OrderStream.Format format, boolean withSessions) {
        OrderStream stream = new OrderStream(seed, format, withSessions);
        return new ClickProducer.Messages() {
            @Override
            public String next(long sentAtMillis) {
                return stream.next(local(sentAtMillis));
            }

            @Override
            public String malformed(long n) {
                return n % 2 == 0 ? "{not json " + n : "{\"no\": \"event\"}";
            }
        };
    }

    private static LocalDateTime local(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneId.systemDefault());
    }

    static String action(String[] values, ActionFormat format) {
        return switch (format) {
            case CSV -> String.join(",", Arrays.stream(values).map(v -> v == null ? "" : v).toList());
            // The platform's line has no channel or pay_amount (channels such as display_ad hold its delimiter).
            case PLATFORM -> String.join("_", Arrays.stream(values).limit(13).map(v -> v == null ? "null" : v).toList());
            case JSON -> json(values);
        };
    }

    private static String json(String[] values) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            object.put(COLUMNS[i], values[i]);
        }
        try {
            return JSON.writeValueAsString(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
