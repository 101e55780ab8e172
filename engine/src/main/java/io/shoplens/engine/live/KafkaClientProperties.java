package io.shoplens.engine.live;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Kafka client properties of a connection, made in one place for the connection tester, the
 * live stream and the producer, so all three connect the same way. The password goes into
 * {@code sasl.jaas.config} (the only form Kafka's clients take it in) and nowhere else; {@link
 * #describe} shows a connection without it.
 */
public final class KafkaClientProperties {

    /** Spark's Kafka source passes options with this prefix on to its consumers. */
    public static final String SPARK_PREFIX = "kafka.";

    private KafkaClientProperties() {
    }

    /** Client properties for {@code settings}; {@code password} is used only for SASL protocols. */
    public static Map<String, String> of(KafkaSettings settings, char[] password) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", settings.bootstrapServers().strip());
        p.put("security.protocol", settings.securityProtocol().name());
        if (settings.securityProtocol().usesSasl()) {
            String mechanism = mechanism(settings);
            p.put("sasl.mechanism", mechanism);
            p.put("sasl.jaas.config", jaasConfig(mechanism, settings.username(), password));
        }
        if (settings.securityProtocol().usesTls() && settings.truststorePath() != null
                && !settings.truststorePath().isBlank()) {
            String path = settings.truststorePath().strip();
            p.put("ssl.truststore.location", path);
            p.put("ssl.truststore.type", truststoreType(path));
        }
        return p;
    }

    /**
     * The truststore's kind by its file name: a CA certificate as PEM ({@code .pem}, {@code .crt},
     * {@code .cer}, what a Kafka administrator usually hands out), PKCS12 ({@code .p12}, {@code
     * .pfx}), else JKS. No truststore password is asked for: a PEM file and a JKS truststore are
     * read without one (a JKS password only checks its integrity), and a PKCS12 truststore only
     * when its certificates are not encrypted ({@link KafkaConnectionTester} says so otherwise).
     */
    static String truststoreType(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pem") || lower.endsWith(".crt") || lower.endsWith(".cer")) {
            return "PEM";
        }
        return lower.endsWith(".p12") || lower.endsWith(".pfx") ? "PKCS12" : "JKS";
    }

    /** As {@link #of}, each key with {@link #SPARK_PREFIX}, for {@code DataStreamReader.options}. */
    public static Map<String, String> forSpark(KafkaSettings settings, char[] password) {
        Map<String, String> prefixed = new LinkedHashMap<>();
        of(settings, password).forEach((k, v) -> prefixed.put(SPARK_PREFIX + k, v));
        return prefixed;
    }

    /** The connection in words, for messages and logs: servers, topic, protocol, user; never the password. */
    public static String describe(KafkaSettings settings) {
        StringBuilder s = new StringBuilder(settings.bootstrapServers()).append(" topic ").append(settings.topic())
                .append(" (").append(settings.securityProtocol());
        if (settings.securityProtocol().usesSasl()) {
            s.append(' ').append(mechanism(settings)).append(" user ").append(settings.username());
        }
        return s.append(')').toString();
    }

    static String mechanism(KafkaSettings settings) {
        return settings.saslMechanism() == null || settings.saslMechanism().isBlank()
                ? "PLAIN" : settings.saslMechanism().strip().toUpperCase(Locale.ROOT);
    }

    private static String jaasConfig(String mechanism, String username, char[] password) {
        String module = mechanism.startsWith("SCRAM-")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        return module + " required username=\"" + quoted(username == null ? "" : username)
                + "\" password=\"" + quoted(password == null ? "" : new String(password)) + "\";";
    }

    /** JAAS quoted strings end at an unescaped quote: a password may contain both. */
    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
