package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.imports.ActionMessages;
import io.shoplens.engine.imports.OrderColumns;
import io.shoplens.engine.imports.OrderMessages;
import io.shoplens.engine.live.EmbeddedKafka;
import picocli.CommandLine;

class ProduceCommandTest {

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        kafka.createTopic("clicks", 1);
        kafka.createTopic("json", 1);
        for (String topic : List.of("actions-csv", "actions-platform", "actions-json", "orders-canal",
                "orders-debezium", "orders-user-only")) {
            kafka.createTopic(topic, 1);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void sendsTheRateForTheDurationWithTheAskedShareMalformed() {
        {
            StringWriter out = new StringWriter();
            CommandLine cli = ShopLensCli.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(new StringWriter()));
            long before = System.currentTimeMillis();

            int code = cli.execute("produce", "--bootstrap", kafka.bootstrapServers(), "--topic", "clicks",
                    "--rate", "200", "--duration", "1s", "--malformed-every", "10", "--seed", "3");

            assertThat(code).isZero();
            // 200/s for 1 s: messages are due at 0, 5, ..., 995 ms; every 10th is malformed.
            assertThat(out.toString()).contains("Sent 180 clicks and 20 malformed messages to clicks");
            List<String> messages = readAll(kafka.bootstrapServers(), "clicks", 200);
            assertThat(messages).hasSize(200);
            List<String> clicks = messages.stream().filter(m -> m.split(" ").length == 5
                    && m.split(" ")[0].matches("\\d+")).toList();
            assertThat(clicks).hasSize(180);
            assertThat(clicks).allSatisfy(m -> assertThat(Long.parseLong(m.split(" ")[0])).isGreaterThanOrEqualTo(before));
        }
    }

    @Test
    void jsonFormatAndBadArguments() {
        {
            CommandLine cli = ShopLensCli.commandLine();
            cli.setOut(new PrintWriter(new StringWriter()));
            StringWriter err = new StringWriter();
            cli.setErr(new PrintWriter(err));
            assertThat(cli.execute("produce", "--bootstrap", kafka.bootstrapServers(), "--topic", "json",
                    "--rate", "50", "--duration", "200ms", "--format", "json")).isZero();
            assertThat(readAll(kafka.bootstrapServers(), "json", 10)).hasSize(10)
                    .allSatisfy(m -> assertThat(m).startsWith("{\"timestamp\":").contains("\"ad_id\":"));

            assertThat(cli.execute("produce", "--bootstrap", kafka.bootstrapServers(), "--topic", "clicks",
                    "--rate", "50", "--duration", "soon")).isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
            assertThat(err.toString()).contains("'soon' is not a duration");
            assertThat(cli.execute("produce", "--bootstrap", kafka.bootstrapServers(), "--topic", "clicks",
                    "--rate", "0")).isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
        }
    }

    @Test
    void actionsInEachFormParseAsTheLiveGmvViewReadsThem() {
        for (String format : List.of("csv", "platform", "json")) {
            String topic = "actions-" + format;
            StringWriter out = new StringWriter();
            CommandLine cli = ShopLensCli.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(new StringWriter()));
            assertThat(cli.execute("produce", "--bootstrap", kafka.bootstrapServers(), "--topic", topic, "--kind",
                    "actions", "--format", format, "--rate", "100", "--duration", "400ms", "--malformed-every", "8"))
                    .isZero();
            assertThat(out.toString()).contains("Sent 35 actions and 5 malformed messages to " + topic);
            List<String> messages = readAll(kafka.bootstrapServers(), topic, 40);
            assertThat(messages).hasSize(40);
            for (int i = 0; i < messages.size(); i++) {
                ActionMessages.Parsed parsed = ActionMessages.parse(messages.get(i));
                assertThat(parsed.accepted()).as(format + " message " + (i + 1) + ": " + messages.get(i)
                        + " " + parsed.reason()).isEqualTo((i + 1) % 8 != 0);
            }
        }
    }

    @Test
    void orderEventsInCanalAndDebeziumFormParseWithTheDefaultMapping() {
        for (String format : List.of("canal", "debezium")) {
            String topic = "orders-" + format;
            CommandLine cli = ShopLensCli.commandLine();
            cli.setOut(new PrintWriter(new StringWriter()));
            cli.setErr(new PrintWriter(new StringWriter()));
            assertThat(cli.execute("produce", "--bootstrap", kafka.bootstrapServers(), "--topic", topic, "--kind",
                    "orders", "--format", format, "--rate", "100", "--duration", "400ms")).isZero();
            List<String> messages = readAll(kafka.bootstrapServers(), topic, 40);
            assertThat(messages).hasSize(40);
            OrderMessages.Format f = format.equals("canal") ? OrderMessages.Format.CANAL : OrderMessages.Format.DEBEZIUM;
            OrderColumns columns = new OrderColumns("orders", "order_id", "session_id", "user_id", "pay_time", "amount",
                    "product_ids");
            List<OrderMessages.Change> changes = messages.stream().map(m -> OrderMessages.parse(m, f, columns))
                    .peek(p -> assertThat(p.reason()).isNull()).flatMap(p -> p.changes().stream()).toList();
            // Every tenth order is updated and every twenty-fifth deleted after it is inserted.
            assertThat(changes).hasSize(40).anySatisfy(c -> assertThat(c.deleted()).isTrue());
            assertThat(changes.stream().map(OrderMessages.Change::orderId).distinct().count()).isLessThan(40);
        }
    }

    @Test
    void ordersWithoutSessionNameOnlyTheirUserForTheUserOnlyMapping() {
        CommandLine cli = ShopLensCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("produce", "--bootstrap", kafka.bootstrapServers(), "--topic", "orders-user-only",
                "--kind", "orders", "--orders-without-session", "--rate", "100", "--duration", "400ms")).isZero();
        List<String> messages = readAll(kafka.bootstrapServers(), "orders-user-only", 40);
        assertThat(messages).hasSize(40).noneSatisfy(m -> assertThat(m).contains("session_id"));
        OrderColumns userOnly = new OrderColumns("orders", "order_id", null, "user_id", "pay_time", "amount",
                "product_ids");
        List<OrderMessages.Change> changes = messages.stream()
                .map(m -> OrderMessages.parse(m, OrderMessages.Format.CANAL, userOnly))
                .peek(p -> assertThat(p.reason()).isNull()).flatMap(p -> p.changes().stream()).toList();
        assertThat(changes).hasSize(40).filteredOn(c -> !c.deleted())
                .allSatisfy(c -> assertThat(c.action()[2]).isNull())
                .allSatisfy(c -> assertThat(c.action()[1]).isNotNull());
    }

    @Test
    void kindAndFormatMustGoTogether() {
        CommandLine cli = ShopLensCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("produce", "--bootstrap", kafka.bootstrapServers(), "--topic", "clicks", "--kind",
                "actions", "--format", "canal", "--rate", "10")).isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
        assertThat(err.toString()).contains("--format must be csv, platform or json for actions, not canal");
        assertThat(cli.execute("produce", "--bootstrap", kafka.bootstrapServers(), "--topic", "clicks", "--kind",
                "refunds", "--rate", "10")).isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
        assertThat(err.toString()).contains("--kind must be clicks, actions or orders, not refunds");
        assertThat(cli.execute("produce", "--bootstrap", kafka.bootstrapServers(), "--topic", "clicks", "--kind",
                "actions", "--orders-without-session", "--rate", "10")).isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
        assertThat(err.toString()).contains("--orders-without-session goes with --kind orders, not actions");
    }

    private static List<String> readAll(String servers, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "produce-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            // One more poll: nothing beyond what was expected may arrive.
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                values.add(r.value());
            }
        }
        return values;
    }
}
