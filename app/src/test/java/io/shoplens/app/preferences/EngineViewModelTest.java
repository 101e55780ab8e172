package io.shoplens.app.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.preferences.EngineChoice.Kind;
import io.shoplens.app.preferences.EngineViewModel.Verdict;
import io.shoplens.engine.spark.SparkSettings;

/** Preferences ▸ Engine without a window: URLs, the saved choice, and Check connection on real loopback sockets. */
class EngineViewModelTest {

    private final Preferences store = Preferences.userRoot().node("io/shoplens/test/" + UUID.randomUUID());
    private final AppPreferences preferences = new AppPreferences(store);
    private final Messages english = Messages.forLocale(Locale.ENGLISH);

    @AfterEach
    void removeNode() throws BackingStoreException {
        store.removeNode();
    }

    private EngineViewModel model(int webUiPort) {
        return new EngineViewModel(preferences, new SyncJobRunner(e -> {
            throw new AssertionError(e);
        }), english, EngineProbe.network(Duration.ofSeconds(3), webUiPort), 4, "Local, 4 cores", Optional.empty());
    }

    @Test
    void clusterUrlsAreSparkMastersOrLocalMasters() throws IOException {
        EngineViewModel model = model(closedPort());
        model.kindProperty().set(Kind.CLUSTER);

        assertThat(model.validationErrorProperty().get()).isEqualTo(
                "A cluster URL is spark://HOST:PORT (for example spark://10.0.0.5:7077), or local[N].");
        for (String url : new String[] {"spark://10.0.0.5:7077", "spark://master-1.example.com:7077",
                "spark://a:7077,b:7078", "spark://[::1]:7077", " spark://host:7077 ", "local[2]", "local[*]", "local"}) {
            model.clusterUrlProperty().set(url);
            assertThat(model.validProperty().get()).as(url).isTrue();
        }
        for (String url : new String[] {"spark://host", "spark://host:0", "spark://host:70000", "spark://a:7077,",
                "http://host:7077", "host:7077", "local[0]", "local[two]", "sc://host:15002", "garbage", ""}) {
            model.clusterUrlProperty().set(url);
            assertThat(model.validProperty().get()).as(url).isFalse();
        }
    }

    @Test
    void connectUrlsAreScUrlsWithoutATokenToSave() throws IOException {
        EngineViewModel model = model(closedPort());
        model.kindProperty().set(Kind.CONNECT);

        for (String url : new String[] {"sc://10.0.0.5:15002", "sc://connect.example.com", "sc://host:15002/;use_ssl=true"}) {
            model.connectUrlProperty().set(url);
            assertThat(model.validProperty().get()).as(url).isTrue();
        }
        assertThat(EngineUrls.connectServer("sc://connect.example.com")).contains(
                new EngineUrls.Endpoint("connect.example.com", 15002));
        for (String url : new String[] {"sc://", "sc://host:99999", "spark://host:7077", "http://host:15002", "garbage"}) {
            model.connectUrlProperty().set(url);
            assertThat(model.validationErrorProperty().get()).as(url)
                    .isEqualTo("A Spark Connect URL is sc://HOST:PORT (for example sc://10.0.0.5:15002).");
        }

        model.connectUrlProperty().set("sc://host:15002/;use_ssl=true;token=abc123");
        assertThat(model.validationErrorProperty().get()).startsWith("This URL carries a token.");
        assertThat(model.save()).isFalse();
        assertThat(store.get(EngineSetting.URL, null)).isNull();
        assertThatThrownBy(() -> EngineSetting.write(store, EngineChoice.connect("sc://host:15002/;token=abc123")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get(EngineSetting.URL, null)).isNull();
    }

    @Test
    void theChoiceIsSavedWithThePreferencesAndReadBack() throws IOException {
        assertThat(preferences.engineProperty().get()).isEqualTo(EngineChoice.DEFAULT);
        EngineViewModel model = model(closedPort());
        assertThat(model.kindProperty().get()).isEqualTo(Kind.LOCAL);
        assertThat(model.changedProperty().get()).isFalse();

        model.kindProperty().set(Kind.CLUSTER);
        model.clusterUrlProperty().set("spark://10.0.0.5:7077");
        assertThat(model.changedProperty().get()).isTrue();
        assertThat(model.save()).isTrue();

        assertThat(store.get(EngineSetting.KIND, null)).isEqualTo("CLUSTER");
        assertThat(store.get(EngineSetting.URL, null)).isEqualTo("spark://10.0.0.5:7077");
        AppPreferences nextStart = new AppPreferences(store);
        assertThat(nextStart.engineProperty().get()).isEqualTo(EngineChoice.cluster("spark://10.0.0.5:7077"));
        SparkSettings settings = nextStart.engineProperty().get().applyTo(
                new SparkSettings("local[*]", 4, 16, Path.of("/tmp/none")));
        assertThat(settings.master()).isEqualTo("spark://10.0.0.5:7077");
        assertThat(settings.remote()).isNull();

        EngineViewModel reopened = new EngineViewModel(nextStart, new SyncJobRunner(e -> { }), english,
                choice -> null, 4, "Local, 4 cores", Optional.empty());
        assertThat(reopened.kindProperty().get()).isEqualTo(Kind.CLUSTER);
        assertThat(reopened.clusterUrlProperty().get()).isEqualTo("spark://10.0.0.5:7077");
        reopened.kindProperty().set(Kind.LOCAL);
        reopened.coresProperty().set(2);
        assertThat(reopened.save()).isTrue();

        assertThat(store.get(EngineSetting.URL, null)).isNull();
        assertThat(new AppPreferences(store).engineProperty().get()).isEqualTo(EngineChoice.local(2));
        assertThat(EngineChoice.local(2).applyTo(settings).master()).isEqualTo("local[2]");
        assertThat(EngineChoice.connect("sc://h:15002").applyTo(settings).remote()).isEqualTo("sc://h:15002");
    }

    @Test
    void aSavedChoiceThatNoLongerReadsFallsBackToThisComputer() {
        store.put(EngineSetting.KIND, "MAINFRAME");
        assertThat(new AppPreferences(store).engineProperty().get()).isEqualTo(EngineChoice.DEFAULT);
        store.put(EngineSetting.KIND, "CLUSTER");
        store.put(EngineSetting.URL, "not a url");
        assertThat(new AppPreferences(store).engineProperty().get()).isEqualTo(EngineChoice.DEFAULT);
    }

    @Test
    void anOpenPortIsSaidOpenButNotConfirmedAsAMaster() throws IOException {
        int noStatusPage = closedPort();
        EngineViewModel model = model(noStatusPage);
        try (ServerSocket master = listening()) {
            int port = master.getLocalPort();
            model.kindProperty().set(Kind.CLUSTER);
            model.clusterUrlProperty().set("spark://127.0.0.1:" + port);

            model.check();

            assertThat(model.verdictProperty().get()).isEqualTo(Verdict.UNCONFIRMED);
            assertThat(model.checkMessageProperty().get()).isEqualTo("Port " + port + " on 127.0.0.1 is open, but "
                    + "that a Spark master listens there is not confirmed: no master status page answered at "
                    + "http://127.0.0.1:" + noStatusPage + "/json/ (its web UI may be on another port, or off). "
                    + "ShopLens finds out when its engine starts.");
            assertThat(model.checkingProperty().get()).isFalse();
        }
    }

    @Test
    void aClosedPortIsSaidClosedAndTheAnswerGoesWhenTheUrlChanges() throws IOException {
        EngineViewModel model = model(closedPort());
        int port = closedPort();
        model.kindProperty().set(Kind.CONNECT);
        model.connectUrlProperty().set("sc://127.0.0.1:" + port);

        model.check();

        assertThat(model.verdictProperty().get()).isEqualTo(Verdict.FAILED);
        assertThat(model.checkMessageProperty().get()).isEqualTo("127.0.0.1 answered, but nothing listens on port "
                + port + " (connection refused). Is the server started, and is this its port?");

        model.connectUrlProperty().set("sc://127.0.0.1:15002");
        assertThat(model.verdictProperty().get()).isNull();
        assertThat(model.checkMessageProperty().get()).isEmpty();
    }

    @Test
    void aSparkConnectPortThatIsOpenIsOnlySaidOpen() throws IOException {
        EngineViewModel model = model(closedPort());
        try (ServerSocket server = listening()) {
            model.kindProperty().set(Kind.CONNECT);
            model.connectUrlProperty().set("sc://127.0.0.1:" + server.getLocalPort() + "/;use_ssl=false");

            model.check();

            assertThat(model.verdictProperty().get()).isEqualTo(Verdict.UNCONFIRMED);
            assertThat(model.checkMessageProperty().get()).isEqualTo("Port " + server.getLocalPort()
                    + " on 127.0.0.1 is open. Whether a Spark Connect server answers there is found out when the "
                    + "engine starts.");
        }
    }

    @Test
    void aMasterConfirmedByItsStatusPageIsSaidWithWhatItOffers() throws IOException {
        try (ServerSocket master = listening(); ServerSocket other = listening()) {
            int port = master.getLocalPort();
            HttpServer page = statusPage("spark://127.0.0.1:" + port, 2);
            try {
                EngineViewModel model = model(page.getAddress().getPort());
                model.kindProperty().set(Kind.CLUSTER);
                model.clusterUrlProperty().set("spark://127.0.0.1:" + port);

                model.check();

                assertThat(model.verdictProperty().get()).isEqualTo(Verdict.CONFIRMED);
                assertThat(model.checkMessageProperty().get()).isEqualTo("Connected: the Spark master spark://127.0.0.1:"
                        + port + " is ALIVE, with 2 alive workers, 4 cores (1 in use) and 2.0 GB of memory.");

                // Another open port of the same host: the page's master is not the one asked for.
                model.clusterUrlProperty().set("spark://127.0.0.1:" + other.getLocalPort());
                model.check();

                assertThat(model.verdictProperty().get()).isEqualTo(Verdict.FAILED);
                assertThat(model.checkMessageProperty().get()).isEqualTo("Port " + other.getLocalPort()
                        + " on 127.0.0.1 is open, but it is not the Spark master's port: the master on 127.0.0.1 says "
                        + "its URL is spark://127.0.0.1:" + port + ". Use that one.");
            } finally {
                page.stop(0);
            }
        }
    }

    @Test
    void aMasterWithoutWorkersIsSaidToMakeAnalysesWait() throws IOException {
        try (ServerSocket master = listening()) {
            int port = master.getLocalPort();
            HttpServer page = statusPage("spark://127.0.0.1:" + port, 0);
            try {
                EngineViewModel model = model(page.getAddress().getPort());
                model.kindProperty().set(Kind.CLUSTER);
                model.clusterUrlProperty().set("spark://127.0.0.1:" + port);

                model.check();

                assertThat(model.verdictProperty().get()).isEqualTo(Verdict.UNCONFIRMED);
                assertThat(model.checkMessageProperty().get()).endsWith("with no alive worker, 4 cores (1 in use) and "
                        + "2.0 GB of memory. No worker has registered with it yet, so analyses would wait.");
            } finally {
                page.stop(0);
            }
        }
    }

    /** A standalone master's /json/ page on loopback, as Spark 4.2 writes it (trimmed). */
    private static HttpServer statusPage(String masterUrl, int aliveWorkers) throws IOException {
        HttpServer page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = ("{\"url\":\"" + masterUrl + "\",\"workers\":[],\"aliveworkers\":" + aliveWorkers
                + ",\"cores\":4,\"coresused\":1,\"memory\":2048,\"memoryused\":0,\"status\":\"ALIVE\"}")
                .getBytes(StandardCharsets.UTF_8);
        page.createContext("/json/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        page.start();
        return page;
    }

    @Test
    void thisComputerNeedsNoNetwork() throws IOException {
        EngineViewModel model = model(closedPort());
        model.check();
        assertThat(model.verdictProperty().get()).isEqualTo(Verdict.CONFIRMED);
        assertThat(model.checkMessageProperty().get())
                .isEqualTo("Runs inside ShopLens on this computer, which has 4 cores. Nothing to connect to.");
        assertThat(model.coreChoices()).containsExactly(0, 1, 2, 3, 4);
        assertThat(model.coresText(0)).isEqualTo("All 4 cores");
        assertThat(model.coresText(1)).isEqualTo("1 core");
    }

    @Test
    void theStatusBarNamesTheEngine() {
        Path scratch = Path.of("/tmp/none");
        Messages chinese = Messages.forLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(EngineLabel.of(new SparkSettings("local[*]", 4, 16, scratch), 2, english)).isEqualTo("Local, 2 cores");
        assertThat(EngineLabel.of(new SparkSettings("local[1]", 4, 16, scratch), 2, english)).isEqualTo("Local, 1 core");
        assertThat(EngineLabel.of(new SparkSettings("spark://10.0.0.5:7077", 4, 16, scratch), 2, english))
                .isEqualTo("Cluster spark://10.0.0.5:7077");
        assertThat(EngineLabel.of(new SparkSettings("local[*]", 4, 16, scratch).withRemote("sc://h:15002/;use_ssl=true"),
                2, english)).isEqualTo("Spark Connect sc://h:15002");
        assertThat(EngineLabel.of(new SparkSettings("local[*]", 4, 16, scratch), 2, chinese)).isEqualTo("本机，2 个核心");
    }

    @Test
    void aMasterGivenAtStartIsNamedAsWinningOverTheChoice() {
        EngineViewModel model = new EngineViewModel(preferences, new SyncJobRunner(e -> { }), english, choice -> null,
                4, "Cluster spark://a:7077", Optional.of("spark://a:7077"));
        assertThat(model.inUseText()).startsWith("Now in use: Cluster spark://a:7077, given when ShopLens was started");
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
