package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.imports.OrderMessages.Format;

/**
 * canal's flat messages and Debezium's envelopes as pay actions keyed by order id: inserts,
 * updates and snapshot reads give the order as it now is, deletes take it away, and what names no
 * order (DDL, another table, a tombstone) changes nothing; the rest is malformed with a reason.
 */
class OrderMessagesTest {

    private static final OrderColumns COLUMNS = new OrderColumns("orders", "id", "sid", "uid", "paid_at", "total",
            "items");

    @Test
    void canalInsertOfTwoRowsGivesTwoPayActions() {
        OrderMessages.Parsed p = OrderMessages.parse("{\"data\":[{\"id\":\"7\",\"sid\":\"s1\",\"uid\":\"3\","
                + "\"paid_at\":\"2026-12-02 10:00:00\",\"total\":\"12.30\",\"items\":\"5, 6\"},"
                + "{\"id\":\"8\",\"sid\":\"s2\",\"uid\":null,\"paid_at\":\"2026-12-02 10:01:00\",\"total\":\"1\","
                + "\"items\":\"9\"}],\"table\":\"orders\",\"type\":\"INSERT\",\"isDdl\":false}", Format.CANAL, COLUMNS);
        assertThat(p.reason()).isNull();
        assertThat(p.changes()).extracting(OrderMessages.Change::orderId).containsExactly("7", "8");
        Object[] pay = p.changes().get(0).action();
        assertThat(pay[0]).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(pay[1]).isEqualTo(3L);
        assertThat(pay[2]).isEqualTo("s1");
        assertThat(pay[4]).isEqualTo(LocalDateTime.of(2026, 12, 2, 10, 0));
        assertThat(pay[11]).isEqualTo("5,6");
        assertThat(pay[14]).isEqualTo(12.3);
        assertThat(p.changes().get(1).action()[1]).isNull();
    }

    @Test
    void canalUpdateReplacesAndDeleteRemoves() {
        OrderMessages.Parsed update = OrderMessages.parse("{\"data\":[{\"id\":\"7\",\"sid\":\"s1\",\"uid\":\"3\","
                + "\"paid_at\":\"2026-12-02 10:00:00\",\"total\":\"20\",\"items\":\"5\"}],\"old\":[{\"total\":\"12.30\"}],"
                + "\"table\":\"orders\",\"type\":\"UPDATE\",\"isDdl\":false}", Format.CANAL, COLUMNS);
        assertThat(update.changes()).singleElement().satisfies(c -> {
            assertThat(c.deleted()).isFalse();
            assertThat(c.action()[14]).isEqualTo(20.0);
        });
        OrderMessages.Parsed delete = OrderMessages.parse("{\"data\":[{\"id\":\"7\",\"sid\":\"s1\"}],"
                + "\"table\":\"orders\",\"type\":\"DELETE\",\"isDdl\":false}", Format.CANAL, COLUMNS);
        assertThat(delete.changes()).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo("7");
            assertThat(c.deleted()).isTrue();
        });
    }

    @Test
    void debeziumCreateUpdateDeleteWithEpochTimesAndTheSchemaEnvelope() {
        String after = "{\"id\":7,\"sid\":\"s1\",\"uid\":3,\"paid_at\":1764669600000,\"total\":12.3,\"items\":\"5\"}";
        OrderMessages.Parsed create = OrderMessages.parse("{\"before\":null,\"after\":" + after
                + ",\"source\":{\"table\":\"orders\"},\"op\":\"c\"}", Format.DEBEZIUM, COLUMNS);
        assertThat(create.changes()).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo("7");
            // Debezium's Timestamp: the wall-clock time counted from the epoch as if in UTC.
            assertThat(c.action()[4]).isEqualTo(LocalDateTime.of(2025, 12, 2, 10, 0));
            assertThat(c.action()[14]).isEqualTo(12.3);
        });
        OrderMessages.Parsed micros = OrderMessages.parse("{\"schema\":{},\"payload\":{\"before\":" + after
                + ",\"after\":" + after.replace("1764669600000", "1764669600000000") + ",\"op\":\"u\"}}",
                Format.DEBEZIUM, COLUMNS);
        assertThat(micros.changes()).singleElement()
                .satisfies(c -> assertThat(c.action()[4]).isEqualTo(LocalDateTime.of(2025, 12, 2, 10, 0)));
        OrderMessages.Parsed delete = OrderMessages.parse("{\"before\":" + after + ",\"after\":null,\"op\":\"d\"}",
                Format.DEBEZIUM, COLUMNS);
        assertThat(delete.changes()).singleElement().satisfies(c -> assertThat(c.deleted()).isTrue());
    }

    @Test
    void whatNamesNoOrderChangesNothing() {
        assertThat(OrderMessages.parse(null, Format.DEBEZIUM, COLUMNS).changes()).isEmpty();
        assertThat(OrderMessages.parse("{\"type\":\"ALTER\",\"isDdl\":true,\"table\":\"orders\"}", Format.CANAL,
                COLUMNS).changes()).isEmpty();
        OrderMessages.Parsed otherTable = OrderMessages.parse("{\"data\":[{\"id\":\"1\"}],\"table\":\"refunds\","
                + "\"type\":\"INSERT\"}", Format.CANAL, COLUMNS);
        assertThat(otherTable.accepted()).isTrue();
        assertThat(otherTable.changes()).isEmpty();
    }

    @Test
    void malformedMessagesSayWhy() {
        assertThat(OrderMessages.parse("", Format.CANAL, COLUMNS).reason()).isEqualTo("empty message");
        assertThat(OrderMessages.parse("{oops", Format.CANAL, COLUMNS).reason()).startsWith("not valid JSON: ");
        assertThat(OrderMessages.parse("[1]", Format.DEBEZIUM, COLUMNS).reason()).isEqualTo("not a JSON object");
        assertThat(OrderMessages.parse("{\"after\":{}}", Format.DEBEZIUM, COLUMNS).reason())
                .isEqualTo("not a Debezium change event: no \"op\"");
        assertThat(OrderMessages.parse("{\"type\":\"INSERT\",\"table\":\"orders\"}", Format.CANAL, COLUMNS).reason())
                .isEqualTo("canal INSERT without a \"data\" array");
        assertThat(OrderMessages.parse("{\"data\":[{\"id\":\"1\",\"sid\":\"s\",\"paid_at\":\"yesterday\","
                + "\"items\":\"5\"}],\"table\":\"orders\",\"type\":\"INSERT\"}", Format.CANAL, COLUMNS).reason())
                .isEqualTo("paid_at: not a time (yyyy-MM-dd HH:mm:ss): 'yesterday'");
        assertThat(OrderMessages.parse("{\"data\":[{\"id\":\"1\",\"sid\":\"s\",\"paid_at\":\"2026-12-02 10:00:00\"}],"
                + "\"table\":\"orders\",\"type\":\"INSERT\"}", Format.CANAL, COLUMNS).reason())
                .isEqualTo("items: missing (an order pays for products)");
        assertThat(OrderMessages.parse("{\"data\":[{\"sid\":\"s\"}],\"table\":\"orders\",\"type\":\"DELETE\"}",
                Format.CANAL, COLUMNS).reason()).isEqualTo("id: missing (the order id)");
        assertThat(OrderMessages.parse("{\"data\":[{\"id\":\"1\",\"sid\":\"s\",\"paid_at\":\"2026-12-02 10:00:00\","
                + "\"items\":\"5\",\"total\":\"a lot\"}],\"table\":\"orders\",\"type\":\"INSERT\"}", Format.CANAL,
                COLUMNS).reason()).isEqualTo("total: not a number: 'a lot'");
    }
}
