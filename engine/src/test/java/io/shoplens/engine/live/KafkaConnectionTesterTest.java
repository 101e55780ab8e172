package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.live.ConnectionCheck.Outcome;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;

/** "Test connection" answers in words a user can act on, against a real broker in this JVM. */
class KafkaConnectionTesterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), Map.of("ann", "s3cret \"quoted\""));
        kafka.createTopic("clicks", 1);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void anExistingTopicIsOk() {
        ConnectionCheck check = KafkaConnectionTester.test(
                KafkaSettings.plaintext("local", kafka.bootstrapServers(), "clicks"), null, TIMEOUT);
        assertThat(check.outcome()).isEqualTo(Outcome.OK);
        assertThat(check.message()).contains(kafka.bootstrapServers(), "clicks", "1 partition");
    }

    @Test
    void aMissingTopicIsNamed() {
        ConnectionCheck check = KafkaConnectionTester.test(
                KafkaSettings.plaintext("local", kafka.bootstrapServers(), "no-such-topic"), null, TIMEOUT);
        assertThat(check.outcome()).isEqualTo(Outcome.TOPIC_MISSING);
        assertThat(check.message()).isEqualTo("Topic no-such-topic does not exist on " + kafka.bootstrapServers() + ".");
    }

    @Test
    void aPortWithoutABrokerIsUnreachable() throws Exception {
        String nobody = "127.0.0.1:" + EmbeddedKafka.freePort();
        ConnectionCheck check = KafkaConnectionTester.test(KafkaSettings.plaintext("local", nobody, "clicks"), null,
                Duration.ofSeconds(2));
        assertThat(check.outcome()).isEqualTo(Outcome.BROKER_UNREACHABLE);
        assertThat(check.message()).startsWith("No Kafka broker answered at " + nobody + " within 2 s");
    }

    @Test
    void saslPlainAcceptsTheRightPasswordAndNamesAWrongOne() {
        KafkaSettings sasl = new KafkaSettings("secure", kafka.saslBootstrapServers(), "clicks", "g",
                KafkaSettings.StartingOffsets.LATEST, KafkaSettings.MessageFormat.AD_CLICK_LINE,
                SecurityProtocol.SASL_PLAINTEXT, "PLAIN", "ann", null);
        assertThat(KafkaConnectionTester.test(sasl, "s3cret \"quoted\"".toCharArray(), TIMEOUT).outcome())
                .isEqualTo(Outcome.OK);

        ConnectionCheck wrong = KafkaConnectionTester.test(sasl, "guess".toCharArray(), TIMEOUT);
        assertThat(wrong.outcome()).isEqualTo(Outcome.AUTHENTICATION_FAILED);
        assertThat(wrong.message()).startsWith("Authentication to " + kafka.saslBootstrapServers() + " failed")
                .doesNotContain("guess");
    }

    @Test
    void aBootstrapListThatIsNotHostAndPortIsAnError() {
        ConnectionCheck check = KafkaConnectionTester.test(KafkaSettings.plaintext("local", "just-a-name", "clicks"),
                null, TIMEOUT);
        assertThat(check.outcome()).isEqualTo(Outcome.OTHER_ERROR);
        assertThat(check.message()).startsWith("Cannot connect to just-a-name: ");
    }

    @Test
    void saslSettingsBecomeOneJaasLineAndThePasswordIsNeverDescribed() {
        KafkaSettings sasl = new KafkaSettings("secure", "broker:9093", "clicks", "g",
                KafkaSettings.StartingOffsets.LATEST, KafkaSettings.MessageFormat.JSON, SecurityProtocol.SASL_SSL,
                "SCRAM-SHA-256", "ann", "/etc/kafka/trust.p12");
        Map<String, String> props = KafkaClientProperties.of(sasl, "p\"w\\d".toCharArray());
        assertThat(props).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"ann\" password=\"p\\\"w\\\\d\";")
                .containsEntry("ssl.truststore.location", "/etc/kafka/trust.p12")
                .containsEntry("ssl.truststore.type", "PKCS12");
        assertThat(KafkaClientProperties.forSpark(sasl, "pw".toCharArray()))
                .containsEntry("kafka.bootstrap.servers", "broker:9093")
                .containsKey("kafka.sasl.jaas.config");
        assertThat(KafkaClientProperties.describe(sasl)).isEqualTo(
                "broker:9093 topic clicks (SASL_SSL SCRAM-SHA-256 user ann)");

        KafkaSettings plain = KafkaSettings.plaintext("p", "h:1", "t");
        assertThat(KafkaClientProperties.of(plain, "secret".toCharArray()))
                .containsOnlyKeys("bootstrap.servers", "security.protocol");
    }
}
