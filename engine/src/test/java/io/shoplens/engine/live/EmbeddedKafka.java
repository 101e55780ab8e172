package io.shoplens.engine.live;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) inside the test JVM, on free
 * loopback ports. {@link #stop()} and {@link #start()} keep the ports and the log folder, so a test
 * can make the broker go away and come back with its topics and messages.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /**
     * TLS listeners: SSL, and SASL_SSL with SCRAM-SHA-256 for these users and passwords.
     *
     * @param keystore the broker's key and certificate (PKCS12), signed by a CA the clients trust
     */
    public record Tls(Path keystore, String password, Map<String, String> scramUsers) {
    }

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final int saslPort;
    private final Map<String, String> saslUsers;
    private final Tls tls;
    private final int sslPort;
    private final int saslSslPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path logDir, int port, int controllerPort, int saslPort, Map<String, String> saslUsers,
                          Tls tls) throws IOException {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslPort = saslPort;
        this.saslUsers = saslUsers;
        this.tls = tls;
        this.sslPort = tls == null ? -1 : freePort();
        this.saslSslPort = tls == null ? -1 : freePort();
    }

    /**
     * A broker on these ports: formats {@code logDir} unless a broker of this class formatted it
     * before, so a broker process that is stopped and started again keeps its topics and messages.
     */
    public static EmbeddedKafka startOn(Path logDir, int port, int controllerPort) throws Exception {
        EmbeddedKafka kafka = new EmbeddedKafka(logDir, port, controllerPort, -1, Map.of(), null);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            kafka.format();
        }
        kafka.start();
        return kafka;
    }

    /** Formats a fresh log folder and starts the broker. */
    public static EmbeddedKafka start(Path logDir) throws Exception {
        return start(logDir, Map.of());
    }

    /**
     * As {@link #start(Path)}, plus a SASL_PLAINTEXT listener (mechanism PLAIN) for these users and
     * passwords, on {@link #saslBootstrapServers()}, when {@code saslUsers} is not empty.
     */
    public static EmbeddedKafka start(Path logDir, Map<String, String> saslUsers) throws Exception {
        EmbeddedKafka kafka = new EmbeddedKafka(logDir, freePort(), freePort(),
                saslUsers.isEmpty() ? -1 : freePort(), Map.copyOf(saslUsers), null);
        kafka.format();
        kafka.start();
        return kafka;
    }

    /**
     * As {@link #start(Path)}, plus an SSL listener ({@link #sslBootstrapServers()}) and a SASL_SSL
     * one with SCRAM-SHA-256 ({@link #saslSslBootstrapServers()}), whose users are created once the
     * broker runs (KRaft keeps SCRAM credentials in its metadata).
     */
    public static EmbeddedKafka startWithTls(Path logDir, Tls tls) throws Exception {
        EmbeddedKafka kafka = new EmbeddedKafka(logDir, freePort(), freePort(), -1, Map.of(), tls);
        kafka.format();
        kafka.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            tls.scramUsers().forEach((user, password) -> users.add(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), password)));
            admin.alterUserScramCredentials(users).all().get(60, TimeUnit.SECONDS);
        }
        return kafka;
    }

    public String sslBootstrapServers() {
        return "127.0.0.1:" + sslPort;
    }

    public String saslSslBootstrapServers() {
        return "127.0.0.1:" + saslSslPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public String saslBootstrapServers() {
        return "127.0.0.1:" + saslPort;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(config()), Time.SYSTEM);
        s.startup();
        server = s;
    }

    /** A clean shutdown: clients see the broker disappear, the log folder stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        try (Stream<Path> paths = Files.walk(logDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Properties config() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        String sasl = saslUsers.isEmpty() ? "" : ",SASL_PLAINTEXT://127.0.0.1:" + saslPort;
        if (tls != null) {
            sasl += ",SSL://127.0.0.1:" + sslPort + ",SASL_SSL://127.0.0.1:" + saslSslPort;
            p.put("ssl.keystore.location", tls.keystore().toString());
            p.put("ssl.keystore.type", "PKCS12");
            p.put("ssl.keystore.password", tls.password());
            p.put("ssl.key.password", tls.password());
            p.put("ssl.client.auth", "none");
            p.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", "SCRAM-SHA-256");
            p.put("listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + sasl + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port + sasl);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,"
                + "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        if (!saslUsers.isEmpty()) {
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
            saslUsers.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"")
                    .append(password.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
            p.put("sasl.enabled.mechanisms", "PLAIN");
            p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
        }
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "1");
        // A single broker: every internal topic has one replica, and no one waits for a rebalance.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Tests check "topic missing": a consumer or producer must not create it by asking.
        p.put("auto.create.topics.enable", "false");
        p.put("log.flush.interval.messages", "1");
        return p;
    }

    private void format() throws Exception {
        Files.createDirectories(logDir);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .addDirectory(logDir.toString())
                .setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .setControllerListenerName("CONTROLLER")
                .run();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
