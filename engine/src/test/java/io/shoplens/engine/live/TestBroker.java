package io.shoplens.engine.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real broker in this JVM for the live views' tests, one per test class: started before its
 * first test and stopped after its last, in a folder of its own, with plain string messages to
 * send. A class takes it as {@code @RegisterExtension static final TestBroker kafka = new
 * TestBroker();}. One broker for a class's tests, since starting one costs seconds on two cores;
 * each test uses topics of its own.
 */
final class TestBroker implements BeforeAllCallback, AfterAllCallback {

    private Path folder;
    private EmbeddedKafka kafka;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("shoplens-broker");
        kafka = EmbeddedKafka.start(folder.resolve("kafka"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            kafka.close();
        } finally {
            try (Stream<Path> all = Files.walk(folder)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    void createTopic(String topic, int partitions) throws Exception {
        kafka.createTopic(topic, partitions);
    }

    /** Takes the broker away, as an outage would; {@link #start()} brings it back on the same port. */
    void stop() {
        kafka.stop();
    }

    void start() {
        kafka.start();
    }

    /** Sends {@code messages} to {@code topic} in order, without keys, and waits until the broker has them. */
    void send(String topic, List<String> messages) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (String m : messages) {
                producer.send(new ProducerRecord<>(topic, m));
            }
            producer.flush();
        }
    }
}
