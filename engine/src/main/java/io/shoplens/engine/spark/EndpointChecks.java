package io.shoplens.engine.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.spark.EndpointCheck.MasterState;
import io.shoplens.engine.spark.EndpointCheck.Outcome;

/**
 * "Check connection" for the engine's Spark: a TCP connect to the master or Spark Connect port,
 * then, for a standalone master, its status page. Never throws for a network problem: every
 * failure is an {@link Outcome}.
 *
 * <p>Spark's RPC port cannot be asked what it is without speaking Spark's private protocol, so
 * the master is confirmed by its web UI's {@code /json/} page, which is on port 8080 unless the
 * cluster moved it. A master whose page is elsewhere (or switched off) stays "port open".
 */
public final class EndpointChecks {

    /** The standalone master's web UI port unless {@code spark.master.ui.port} moved it. */
    public static final int MASTER_WEB_UI_PORT = 8080;

    /**
     * How long a server may stay silent after the connect before it counts as one that waits for
     * its client, as Spark's RPC server does. A server that speaks first (SSH, SMTP, a database)
     * has said so well within this.
     */
    static final Duration BANNER_WAIT = Duration.ofMillis(500);

    private static final ObjectMapper JSON = new ObjectMapper();

    private EndpointChecks() {
    }

    /** A standalone master at {@code host:port}, its status page looked for on {@code webUiPort}. */
    public static EndpointCheck master(String host, int port, int webUiPort, Duration timeout) {
        Connected connected = connect(host, port, timeout, true);
        if (connected.failure().isPresent()) {
            return connected.failure().get();
        }
        URI page = statusPageOf(host, webUiPort);
        return statusPage(page, timeout)
                .map(state -> new EndpointCheck(Outcome.MASTER_CONFIRMED, host, port, state, page.toString()))
                .orElseGet(() -> new EndpointCheck(Outcome.PORT_OPEN, host, port, null, page.toString()));
    }

    static URI statusPageOf(String host, int webUiPort) {
        String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + authority + ":" + webUiPort + "/json/");
    }

    /** Only whether something listens at {@code host:port} (a Spark Connect server, for now). */
    public static EndpointCheck port(String host, int port, Duration timeout) {
        return connect(host, port, timeout, false).failure()
                .orElseGet(() -> new EndpointCheck(Outcome.PORT_OPEN, host, port, null, ""));
    }

    /** Empty failure when connected (and, with {@code listen}, the server kept quiet as Spark's does). */
    private static Connected connect(String host, int port, Duration timeout, boolean listen) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return Connected.failed(new EndpointCheck(Outcome.HOST_UNKNOWN, host, port, null, message(e)));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, timeout.toMillis()));
            if (listen) {
                Optional<String> spoke = firstWords(socket);
                if (spoke.isPresent()) {
                    return Connected.failed(new EndpointCheck(Outcome.NOT_SPARK, host, port, null, spoke.get()));
                }
            }
            return Connected.OK;
        } catch (ConnectException e) {
            return Connected.failed(new EndpointCheck(Outcome.PORT_CLOSED, host, port, null, message(e)));
        } catch (SocketTimeoutException | NoRouteToHostException e) {
            return Connected.failed(new EndpointCheck(Outcome.NO_ANSWER, host, port, null, message(e)));
        } catch (IOException e) {
            return Connected.failed(new EndpointCheck(Outcome.OTHER_ERROR, host, port, null, message(e)));
        }
    }

    /** What the server said before being asked anything; empty if it waited, as Spark's RPC server does. */
    private static Optional<String> firstWords(Socket socket) throws IOException {
        socket.setSoTimeout((int) BANNER_WAIT.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[80];
        try {
            int read = in.read(buffer);
            if (read < 0) {
                return Optional.of("(closed the connection at once)");
            }
            String text = new String(buffer, 0, read, StandardCharsets.US_ASCII).replaceAll("[^\\x20-\\x7e]", " ");
            return Optional.of(text.strip());
        } catch (SocketTimeoutException quiet) {
            return Optional.empty();
        }
    }

    /** The master's own status, when its web UI answers at {@code page} as a master's does. */
    static Optional<MasterState> statusPage(URI page, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(page).timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? masterState(response.body()) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The fields of Spark's {@code JsonProtocol.writeMasterState} that say what the cluster offers. */
    static Optional<MasterState> masterState(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            String url = json.path("url").asText("");
            if (!url.startsWith("spark://") || !json.has("status")) {
                return Optional.empty();
            }
            return Optional.of(new MasterState(url, json.path("status").asText(), json.path("aliveworkers").asInt(),
                    json.path("cores").asInt(), json.path("coresused").asInt(), json.path("memory").asLong()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private record Connected(Optional<EndpointCheck> failure) {
        static final Connected OK = new Connected(Optional.empty());

        static Connected failed(EndpointCheck check) {
            return new Connected(Optional.of(check));
        }
    }
}
