package io.shoplens.engine.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Collections;
import java.util.Optional;

/**
 * Reads a connection's truststore as Kafka's clients will (its kind by {@link
 * KafkaClientProperties#truststoreType}, no password) before they do: a truststore they cannot use
 * otherwise shows up as a broker that never answers, because the TLS handshake fails inside
 * their retries.
 */
final class Truststores {

    private Truststores() {
    }

    /** Why the truststore of {@code settings} cannot be used; empty when it can, or when none is given. */
    static Optional<String> problem(KafkaSettings settings) {
        String location = settings.truststorePath();
        if (!settings.securityProtocol().usesTls() || location == null || location.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(location.strip());
        if (!Files.isRegularFile(path)) {
            return Optional.of("The truststore " + path + " does not exist.");
        }
        String type = KafkaClientProperties.truststoreType(path.toString());
        try (InputStream in = Files.newInputStream(path)) {
            int certificates;
            if (type.equals("PEM")) {
                certificates = CertificateFactory.getInstance("X.509").generateCertificates(in).size();
            } else {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, null);
                certificates = 0;
                for (String alias : Collections.list(store.aliases())) {
                    if (store.isCertificateEntry(alias)) {
                        certificates++;
                    }
                }
            }
            if (certificates == 0) {
                return Optional.of("The truststore " + path + " has no certificate that can be read without its"
                        + " password (the certificates of a PKCS12 truststore usually need it, and ShopLens does"
                        + " not ask for it): give the CA certificate as a .pem file, or a JKS truststore.");
            }
            return Optional.empty();
        } catch (IOException | GeneralSecurityException e) {
            return Optional.of("The truststore " + path + " cannot be read as " + type + ": " + e.getMessage());
        }
    }
}
