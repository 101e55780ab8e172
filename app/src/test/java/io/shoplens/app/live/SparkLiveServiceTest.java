package io.shoplens.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.live.ConnectionCheck;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.workspace.Workspace;

/** The real adapter's connection half, on a temporary workspace: no Spark, no broker. */
class SparkLiveServiceTest {

    @TempDir
    Path folder;
    private Workspace workspace;

    private SparkLiveService service() {
        workspace = Workspace.open(folder);
        return new SparkLiveService(() -> workspace, () -> {
            throw new AssertionError("no Spark for saved connections and tests");
        });
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void connectionsAreSavedInTheWorkspaceWithoutAPassword() throws Exception {
        SparkLiveService live = service();
        KafkaSettings secure = new KafkaSettings("Staging", "kafka.staging:9093", "ad_clicks", "shoplens-live",
                KafkaSettings.StartingOffsets.EARLIEST, KafkaSettings.MessageFormat.JSON,
                KafkaSettings.SecurityProtocol.SASL_SSL, "SCRAM-SHA-256", "ads-reader", "/etc/kafka/truststore.jks");
        live.saveConnection(secure);
        live.saveConnection(KafkaSettings.plaintext("Local", "localhost:9092", "ad_clicks"));

        assertThat(live.savedConnections()).extracting(KafkaSettings::name).containsExactly("Local", "Staging");
        assertThat(live.savedConnections().get(1)).isEqualTo(secure);

        live.removeConnection("Local");
        workspace.close();
        workspace = Workspace.open(folder);
        assertThat(live.savedConnections()).containsExactly(secure);
    }

    @Test
    void aBrokerThatIsNotThereIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ConnectionCheck check = service().test(
                KafkaSettings.plaintext("Nobody", "127.0.0.1:" + port, "ad_clicks"), new char[0]);
        assertThat(check.outcome()).isEqualTo(ConnectionCheck.Outcome.BROKER_UNREACHABLE);
        assertThat(check.message()).contains("127.0.0.1:" + port);
    }
}
