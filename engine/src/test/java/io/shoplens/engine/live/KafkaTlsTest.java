package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.live.ConnectionCheck.Outcome;
import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;
import io.shoplens.engine.live.KafkaSettings.StartingOffsets;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.Workspace;

/**
 * The live view against a broker that speaks TLS, with a CA this test makes: SSL and SASL_SSL
 * (SCRAM-SHA-256), each connection given as the connect dialog gives it (its {@link KafkaSettings},
 * with the truststore's path, and the password apart).
 */
class KafkaTlsTest {

    private static final String PASSWORD = "keystore-pw";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private static TestCertificates certificates;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() throws Exception {
        certificates = TestCertificates.create(dir.resolve("tls"), PASSWORD);
        kafka = EmbeddedKafka.startWithTls(dir.resolve("kafka"),
                new EmbeddedKafka.Tls(certificates.brokerKeystore(), PASSWORD, Map.of("ann", "s3cret \"quoted\"")));
        kafka.createTopic("clicks-tls", 1);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    /** What the connect dialog makes of its fields: SASL fields only for SASL, the truststore only for TLS. */
    private static KafkaSettings fromDialog(String name, SecurityProtocol protocol, String servers, Path truststore) {
        return new KafkaSettings(name, servers, "clicks-tls", "shoplens-live", StartingOffsets.EARLIEST,
                MessageFormat.AD_CLICK_LINE, protocol,
                protocol.usesSasl() ? "SCRAM-SHA-256" : null,
                protocol.usesSasl() ? "ann" : null,
                protocol.usesTls() && truststore != null ? truststore.toString() : null);
    }

    @Test
    void sslTrustsTheBrokerThroughTheCaCertificateAsPemOrAJksTruststore() {
        for (Path truststore : List.of(certificates.caPem(), certificates.truststoreJks())) {
            ConnectionCheck check = KafkaConnectionTester.test(
                    fromDialog("tls", SecurityProtocol.SSL, kafka.sslBootstrapServers(), truststore), null, TIMEOUT);
            assertThat(check.outcome()).as(truststore.toString()).isEqualTo(Outcome.OK);
            assertThat(check.message()).contains(kafka.sslBootstrapServers(), "clicks-tls");
        }
    }

    @Test
    void withoutTheTruststoreTheHandshakeFailsAndSaysWhatToCheck() {
        ConnectionCheck check = KafkaConnectionTester.test(
                fromDialog("tls", SecurityProtocol.SSL, kafka.sslBootstrapServers(), null), null, TIMEOUT);
        assertThat(check.outcome()).isEqualTo(Outcome.AUTHENTICATION_FAILED);
        assertThat(check.message()).startsWith("TLS handshake with " + kafka.sslBootstrapServers()
                + " failed (check the truststore)");
    }

    @Test
    void aTruststoreTheClientsCannotUseIsNamedInsteadOfLookingLikeAnAbsentBroker() throws Exception {
        KafkaSettings p12 = fromDialog("tls", SecurityProtocol.SSL, kafka.sslBootstrapServers(),
                certificates.truststoreP12());
        ConnectionCheck check = KafkaConnectionTester.test(p12, null, TIMEOUT);
        assertThat(check.outcome()).isEqualTo(Outcome.OTHER_ERROR);
        assertThat(check.message()).startsWith("The truststore " + certificates.truststoreP12()
                + " has no certificate that can be read without its password").contains(".pem");
        try (Workspace ws = Workspace.open(dir.resolve("ws-p12"))) {
            assertThatThrownBy(() -> LiveAdClicks.start(TestSpark.session(), ws, p12, null,
                    new AdParams(3, ZoneOffset.UTC), new LiveRecorder()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage(check.message());
        }

        Path missing = dir.resolve("no-such-truststore.jks");
        assertThat(KafkaConnectionTester.test(fromDialog("tls", SecurityProtocol.SSL, kafka.sslBootstrapServers(),
                missing), null, TIMEOUT).message()).isEqualTo("The truststore " + missing + " does not exist.");
    }

    @Test
    void saslSslWithScramAcceptsTheRightPasswordAndNamesAWrongOne() {
        KafkaSettings settings = fromDialog("secure", SecurityProtocol.SASL_SSL, kafka.saslSslBootstrapServers(),
                certificates.caPem());
        assertThat(KafkaConnectionTester.test(settings, "s3cret \"quoted\"".toCharArray(), TIMEOUT).outcome())
                .isEqualTo(Outcome.OK);

        ConnectionCheck wrong = KafkaConnectionTester.test(settings, "guess".toCharArray(), TIMEOUT);
        assertThat(wrong.outcome()).isEqualTo(Outcome.AUTHENTICATION_FAILED);
        assertThat(wrong.message()).startsWith("Authentication to " + kafka.saslSslBootstrapServers() + " failed")
                .doesNotContain("guess");
    }

    @Test
    void theLiveViewReadsClicksOverSslAndOverSaslSsl() throws Exception {
        AdParams params = new AdParams(3, ZoneOffset.UTC);
        long at = Instant.parse("2019-07-18T10:00:00Z").toEpochMilli();
        char[] password = "s3cret \"quoted\"".toCharArray();
        KafkaSettings sasl = fromDialog("secure", SecurityProtocol.SASL_SSL, kafka.saslSslBootstrapServers(),
                certificates.truststoreJks());
        send(sasl, password, List.of(
                at + " 北京 海淀 1 5",
                (at + 1000) + " 北京 海淀 2 5",
                (at + 2000) + " 上海 浦东 2 7"));
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            for (KafkaSettings settings : List.of(
                    fromDialog("tls", SecurityProtocol.SSL, kafka.sslBootstrapServers(), certificates.caPem()), sasl)) {
                LiveRecorder recorder = new LiveRecorder();
                try (LiveQuery query = LiveAdClicks.start(TestSpark.session(), ws, settings,
                        settings.securityProtocol().usesSasl() ? password : null, params, recorder,
                        Duration.ofMillis(300))) {
                    LiveUpdate update = recorder.awaitUpdate(u -> u.clicksTotal() == 3, WAIT);
                    assertThat(Tables.lines(update.table("daily_clicks"))).as(settings.name()).containsExactly(
                            "2019-07-18|上海|浦东|7|1",
                            "2019-07-18|北京|海淀|5|2");
                    assertThat(query.status()).isEqualTo(LiveStatus.RUNNING);
                }
            }
        }
    }

    private static void send(KafkaSettings settings, char[] password, List<String> messages) {
        Map<String, Object> props = new HashMap<>(KafkaClientProperties.of(settings, password));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (String m : messages) {
                producer.send(new ProducerRecord<>(settings.topic(), m));
            }
            producer.flush();
        }
    }
}
