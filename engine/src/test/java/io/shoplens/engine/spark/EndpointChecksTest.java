package io.shoplens.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.spark.EndpointCheck.MasterState;
import io.shoplens.engine.spark.EndpointCheck.Outcome;

/** The engine's connection check against real loopback sockets: open, closed, chatty, and a master's status page. */
class EndpointChecksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String LOOPBACK = "127.0.0.1";

    /** The status page of Spark 4.2's standalone master, trimmed to what the check reads and a little more. */
    private static final String MASTER_JSON = """
            {"url":"spark://127.0.0.1:7077","workers":[],"aliveworkers":2,"cores":4,"coresused":1,
             "memory":2048,"memoryused":1024,"resources":[],"activeapps":[],"completedapps":[],
             "activedrivers":[],"completeddrivers":[],"status":"ALIVE"}""";

    @Test
    void anOpenPortThatKeepsQuietIsOpenButNotConfirmedAsAMaster() throws IOException {
        try (ServerSocket server = listening()) {
            EndpointCheck check = EndpointChecks.master(LOOPBACK, server.getLocalPort(), closedPort(), TIMEOUT);

            assertThat(check.outcome()).isEqualTo(Outcome.PORT_OPEN);
            assertThat(check.ok()).isTrue();
            assertThat(check.master()).isNull();
            assertThat(check.port()).isEqualTo(server.getLocalPort());
        }
    }

    @Test
    void aClosedPortIsSaidToBeClosed() throws IOException {
        int port = closedPort();

        EndpointCheck master = EndpointChecks.master(LOOPBACK, port, closedPort(), TIMEOUT);
        EndpointCheck connect = EndpointChecks.port(LOOPBACK, port, TIMEOUT);

        assertThat(master.outcome()).isEqualTo(Outcome.PORT_CLOSED);
        assertThat(connect.outcome()).isEqualTo(Outcome.PORT_CLOSED);
        assertThat(master.ok()).isFalse();
    }

    @Test
    void aServerThatSpeaksFirstIsNotASparkMaster() throws Exception {
        try (ServerSocket server = listening()) {
            Thread greeter = new Thread(() -> {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    client.getInputStream().read();
                } catch (IOException ignored) {
                    // The check hung up first.
                }
            });
            greeter.start();

            EndpointCheck check = EndpointChecks.master(LOOPBACK, server.getLocalPort(), closedPort(), TIMEOUT);
            greeter.join();

            assertThat(check.outcome()).isEqualTo(Outcome.NOT_SPARK);
            assertThat(check.detail()).isEqualTo("SSH-2.0-OpenSSH_9.2");
        }
    }

    @Test
    void aMasterIsConfirmedByItsStatusPage() throws IOException {
        HttpServer page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        page.createContext("/json/", exchange -> {
            byte[] body = MASTER_JSON.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        page.start();
        try (ServerSocket rpc = listening()) {
            EndpointCheck check = EndpointChecks.master(LOOPBACK, rpc.getLocalPort(), page.getAddress().getPort(),
                    TIMEOUT);

            assertThat(check.outcome()).isEqualTo(Outcome.MASTER_CONFIRMED);
            assertThat(check.master()).isEqualTo(new MasterState("spark://127.0.0.1:7077", "ALIVE", 2, 4, 1, 2048));
        } finally {
            page.stop(0);
        }
    }

    @Test
    void aStatusPageThatIsNotAMastersConfirmsNothing() {
        assertThat(EndpointChecks.masterState("{\"status\":\"UP\"}")).isEmpty();
        assertThat(EndpointChecks.masterState("<html>Jenkins</html>")).isEmpty();
        assertThat(EndpointChecks.masterState(MASTER_JSON)).isPresent();
    }

    @Test
    void aSparkConnectPortIsOnlyCheckedForBeingOpen() throws IOException {
        try (ServerSocket server = listening()) {
            EndpointCheck check = EndpointChecks.port(LOOPBACK, server.getLocalPort(), TIMEOUT);

            assertThat(check.outcome()).isEqualTo(Outcome.PORT_OPEN);
        }
    }

    @Test
    void aNameThatDoesNotResolveIsAnUnknownHost() {
        // .invalid never resolves (RFC 2606).
        EndpointCheck check = EndpointChecks.port("spark-master.invalid", 7077, TIMEOUT);

        assertThat(check.outcome()).isEqualTo(Outcome.HOST_UNKNOWN);
        assertThat(check.host()).isEqualTo("spark-master.invalid");
    }

    @Test
    void aRemoteSettingIsKeptAcrossMastersAndMustBeASparkConnectUrl() {
        SparkSettings settings = new SparkSettings("local[2]", 2, 4, Path.of("/tmp/none")).withRemote("sc://127.0.0.1:15002");

        assertThat(settings.remote()).isEqualTo("sc://127.0.0.1:15002");
        assertThat(settings.withMaster("local[1]").remote()).isEqualTo("sc://127.0.0.1:15002");
        assertThat(settings.withRemote(null).remote()).isNull();
        // Refused before any connection is tried (ConnectSessionTest covers a real server).
        assertThatThrownBy(() -> SparkSessions.create(settings.withRemote("http://127.0.0.1:15002")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Spark Connect URL");
    }

    private static ServerSocket listening() throws IOException {
        return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    /** A loopback port nothing listens on: one just let go. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = listening()) {
            return socket.getLocalPort();
        }
    }
}
