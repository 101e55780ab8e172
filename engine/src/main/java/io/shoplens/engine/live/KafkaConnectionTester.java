package io.shoplens.engine.live;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import io.shoplens.engine.live.ConnectionCheck.Outcome;

/** "Test connection": asks the brokers, with Kafka's admin client, whether the topic can be read. */
public final class KafkaConnectionTester {

    private KafkaConnectionTester() {
    }

    /**
     * Connects within {@code timeout} and answers whether a broker answered, the credentials were
     * accepted and the topic exists. Never throws for a connection problem: every failure is an
     * outcome with a message naming the servers or the topic.
     */
    public static ConnectionCheck test(KafkaSettings settings, char[] password, Duration timeout) {
        Optional<String> truststore = Truststores.problem(settings);
        if (truststore.isPresent()) {
            return new ConnectionCheck(Outcome.OTHER_ERROR, truststore.get());
        }
        String servers = settings.bootstrapServers();
        long millis = Math.max(1, timeout.toMillis());
        Map<String, Object> props = new HashMap<>(KafkaClientProperties.of(settings, password));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) millis);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) millis);
        props.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(millis, 10_000L));
        props.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(millis, 10_000L));
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 200L);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "shoplens-connection-test");
        Admin admin;
        try {
            admin = Admin.create(props);
        } catch (KafkaException e) {
            return configurationProblem(servers, e);
        }
        try {
            Collection<Node> nodes = admin.describeCluster().nodes().get(millis, TimeUnit.MILLISECONDS);
            TopicDescription topic = admin.describeTopics(List.of(settings.topic())).allTopicNames()
                    .get(millis, TimeUnit.MILLISECONDS).get(settings.topic());
            return new ConnectionCheck(Outcome.OK, "Connected to " + servers + " (" + nodes.size() + " broker"
                    + (nodes.size() == 1 ? "" : "s") + "): topic " + settings.topic() + " has "
                    + topic.partitions().size() + " partition" + (topic.partitions().size() == 1 ? "" : "s") + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ConnectionCheck(Outcome.OTHER_ERROR, "Connection test to " + servers + " was interrupted.");
        } catch (TimeoutException e) {
            return unreachable(servers, millis);
        } catch (ExecutionException e) {
            return failure(settings, e.getCause(), millis);
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    static ConnectionCheck failure(KafkaSettings settings, Throwable cause, long millis) {
        String servers = settings.bootstrapServers();
        if (cause instanceof UnknownTopicOrPartitionException) {
            return new ConnectionCheck(Outcome.TOPIC_MISSING,
                    "Topic " + settings.topic() + " does not exist on " + servers + ".");
        }
        if (cause instanceof SslAuthenticationException) {
            return new ConnectionCheck(Outcome.AUTHENTICATION_FAILED, "TLS handshake with " + servers
                    + " failed (check the truststore): " + cause.getMessage());
        }
        if (cause instanceof AuthenticationException) {
            return new ConnectionCheck(Outcome.AUTHENTICATION_FAILED, "Authentication to " + servers
                    + " failed (check user name, password and SASL mechanism): " + cause.getMessage());
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return unreachable(servers, millis);
        }
        return new ConnectionCheck(Outcome.OTHER_ERROR, "Kafka at " + servers + " answered with an error: "
                + cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static ConnectionCheck unreachable(String servers, long millis) {
        return new ConnectionCheck(Outcome.BROKER_UNREACHABLE, "No Kafka broker answered at " + servers + " within "
                + Duration.ofMillis(millis).toSeconds() + " s (is it running, and are host and port right?).");
    }

    private static ConnectionCheck configurationProblem(String servers, KafkaException e) {
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        if (message != null && message.contains("resolvable bootstrap")) {
            return new ConnectionCheck(Outcome.BROKER_UNREACHABLE, "None of the bootstrap servers " + servers
                    + " resolves to an address.");
        }
        return new ConnectionCheck(Outcome.OTHER_ERROR, "Cannot connect to " + servers + ": " + message);
    }
}
