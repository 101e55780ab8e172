package io.shoplens.engine.live;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the live view reads ad clicks from: everything about a Kafka connection except its secret.
 * The password is never part of the settings (they are saved in the workspace); it is passed
 * separately, as a {@code char[]}, each time a connection is tested or started.
 *
 * @param saslMechanism  e.g. {@code PLAIN}, {@code SCRAM-SHA-256}; null unless the protocol is SASL_*
 * @param username       SASL user name; null unless the protocol is SASL_*
 * @param truststorePath a JKS/PKCS12 truststore for SSL/SASL_SSL; null for the JVM's default
 */
public record KafkaSettings(
        String name,
        String bootstrapServers,
        String topic,
        String consumerGroup,
        StartingOffsets startingOffsets,
        MessageFormat format,
        SecurityProtocol securityProtocol,
        String saslMechanism,
        String username,
        String truststorePath) {

    public KafkaSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(startingOffsets, "startingOffsets");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(securityProtocol, "securityProtocol");
    }

    /** A plain-text connection with the defaults a first-time user wants. */
    public static KafkaSettings plaintext(String name, String bootstrapServers, String topic) {
        return new KafkaSettings(name, bootstrapServers, topic, "shoplens-live", StartingOffsets.LATEST,
                MessageFormat.AD_CLICK_LINE, SecurityProtocol.PLAINTEXT, null, null, null);
    }

    public Optional<String> sasl() {
        return Optional.ofNullable(saslMechanism);
    }

    public enum StartingOffsets { LATEST, EARLIEST }

    /** {@code AD_CLICK_LINE}: {@code timestamp province city user_id ad_id}; {@code JSON}: an object with those keys. */
    public enum MessageFormat { AD_CLICK_LINE, JSON }

    public enum SecurityProtocol {
        PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL;

        public boolean usesSasl() {
            return this == SASL_PLAINTEXT || this == SASL_SSL;
        }

        public boolean usesTls() {
            return this == SSL || this == SASL_SSL;
        }
    }
}
