package io.shoplens.app.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.Styles;
import io.shoplens.app.AppWiring;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;

/**
 * Preferences ▸ Engine driven by the robot, in English and in Chinese: a garbage URL keeps Save
 * off, Check connection answers on real loopback ports, Save keeps the choice for the next start.
 */
@ExtendWith(ApplicationExtension.class)
class EngineDialogTest {

    private final Preferences store = Preferences.userRoot().node("io/shoplens/test/" + UUID.randomUUID());
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        store.removeNode();
    }

    private EngineDialog open(FxRobot robot, Locale locale) throws IOException {
        Messages messages = Messages.forLocale(locale);
        EngineViewModel model = new EngineViewModel(new AppPreferences(store), new SyncJobRunner(e -> {
            throw new AssertionError(e);
        }), messages, EngineProbe.network(Duration.ofSeconds(3), closedPort()), 2,
                messages.get("engine.label.local", 2), Optional.empty());
        EngineDialog[] dialog = new EngineDialog[1];
        robot.interact(() -> {
            dialog[0] = new EngineDialog(stage, messages, model);
            dialog[0].setX(0);
            dialog[0].setY(0);
            dialog[0].show();
        });
        return dialog[0];
    }

    @Test
    void aClusterIsCheckedAndSavedInEnglish(FxRobot robot) throws IOException {
        open(robot, Locale.ENGLISH);
        assertThat(robot.lookup("#engine-cluster-url").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#engine-in-use").queryAs(Label.class).getText())
                .startsWith("Now in use: Local, 2 cores. A new choice applies the next time ShopLens starts");

        robot.clickOn("#engine-cluster");
        assertThat(robot.lookup("#engine-cluster-url").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#engine-cores").query().isDisabled()).isTrue();
        robot.clickOn("#engine-cluster-url").write("my cluster");
        assertThat(robot.lookup("#engine-validation").queryAs(Label.class).getText())
                .startsWith("A cluster URL is spark://HOST:PORT");
        assertThat(robot.lookup("#engine-save").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#engine-check").query().isDisabled()).isTrue();

        try (ServerSocket master = listening()) {
            String url = "spark://127.0.0.1:" + master.getLocalPort();
            robot.clickOn("#engine-cluster-url").push(KeyCode.CONTROL, KeyCode.A).write(url);
            robot.clickOn("#engine-check");
            WaitForAsyncUtils.waitForFxEvents();

            Text answer = robot.lookup("#engine-answer").queryAs(Text.class);
            assertThat(answer.getText()).startsWith("Port " + master.getLocalPort() + " on 127.0.0.1 is open, but "
                    + "that a Spark master listens there is not confirmed");
            assertThat(answer.getStyleClass()).contains(Styles.WARNING).doesNotContain(Styles.SUCCESS, Styles.DANGER);

            robot.clickOn("#engine-save");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(new AppPreferences(store).engineProperty().get()).isEqualTo(EngineChoice.cluster(url));
        }
    }

    @Test
    void aClosedSparkConnectPortIsSaidInRedInChinese(FxRobot robot) throws IOException {
        open(robot, Locale.SIMPLIFIED_CHINESE);
        assertThat(robot.lookup("本机").tryQuery()).isPresent();
        assertThat(robot.lookup("检查连接").tryQuery()).isPresent();
        assertThat(robot.lookup("#engine-in-use").queryAs(Label.class).getText()).startsWith("当前使用：本机，2 个核心。");

        int port = closedPort();
        robot.clickOn("#engine-connect");
        robot.clickOn("#engine-connect-url").write("sc://127.0.0.1:" + port);
        robot.clickOn("#engine-check");
        WaitForAsyncUtils.waitForFxEvents();

        Text answer = robot.lookup("#engine-answer").queryAs(Text.class);
        assertThat(answer.getText()).isEqualTo("127.0.0.1 有应答，但端口 " + port
                + " 上没有服务在监听（连接被拒绝）。服务器是否已启动？端口是否正确？");
        assertThat(answer.getStyleClass()).contains(Styles.DANGER);

        robot.clickOn("#engine-connect-url").push(KeyCode.CONTROL, KeyCode.A).write("sc://127.0.0.1:15002/;token=s3cret");
        assertThat(robot.lookup("#engine-validation").queryAs(Label.class).getText()).startsWith("此 URL 含有令牌");
        Node save = robot.lookup("#engine-save").query();
        assertThat(save.isDisabled()).isTrue();
        assertThat(new AppPreferences(store).engineProperty().get()).isEqualTo(EngineChoice.DEFAULT);
    }

    @Test
    void theMenuOpensItAndTheStatusBarNamesTheEngineInBothLanguages(FxRobot robot) {
        assertThat(menuAndStatus(robot, Locale.ENGLISH))
                .containsExactly("Preferences", "Language and memory…", "Engine…", "Engine: Local, 2 cores — starting…");
        assertThat(menuAndStatus(robot, Locale.SIMPLIFIED_CHINESE))
                .containsExactly("偏好设置", "语言与内存…", "引擎…", "引擎：本机，2 个核心 — 启动中…");
    }

    @Test
    void anEngineThatDidNotStartIsSaidInTheStatusBar(FxRobot robot) {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        RecordingDialogs dialogs = new RecordingDialogs();
        FakeEngineService engine = new FakeEngineService(Duration.ZERO);
        engine.failWarmUp(new IllegalStateException("Spark Connect is not supported by this build"));
        AppWiring wiring = new AppWiring(engine, new SyncJobRunner(e -> { }), dialogs, messages, Path.of("no-samples"),
                () -> { });
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            new Scene(wiring.window(), 1000, 700).getRoot().applyCss();
            wiring.window().layout();
            wiring.workspace().engineInUseProperty().set(messages.get("engine.label.connect", "sc://h:15002"));
            wiring.start();
            texts.add(((Label) wiring.window().lookup("#status-engine")).getText());
            texts.add(((org.controlsfx.control.StatusBar) wiring.window().lookup("#status")).getText());
        });
        assertThat(texts).containsExactly("Engine: Spark Connect sc://h:15002 — did not start",
                "The engine did not start (the message says why). File ▸ Preferences ▸ Engine… chooses another for "
                        + "the next start.");
        assertThat(dialogs.errors).isNotEmpty();
    }

    /** File ▸ Preferences and its items, then the status bar's engine, of a window in {@code locale}; fires Engine…. */
    private static List<String> menuAndStatus(FxRobot robot, Locale locale) {
        Messages messages = Messages.forLocale(locale);
        RecordingDialogs dialogs = new RecordingDialogs();
        AppWiring wiring = new AppWiring(new FakeEngineService(Duration.ZERO), new SyncJobRunner(e -> { }), dialogs,
                messages, Path.of("no-samples"), () -> { });
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            new Scene(wiring.window(), 1000, 700).getRoot().applyCss();
            wiring.window().layout();
            wiring.workspace().engineInUseProperty().set(messages.get("engine.label.local", 2));
            MenuBar bar = (MenuBar) wiring.window().getTop();
            Menu preferences = (Menu) bar.getMenus().get(0).getItems().stream()
                    .filter(item -> "menu-preferences".equals(item.getId())).findFirst().orElseThrow();
            texts.add(preferences.getText());
            preferences.getItems().forEach(item -> texts.add(item.getText()));
            texts.add(((Label) wiring.window().lookup("#status-engine")).getText());
            preferences.getItems().stream().filter(item -> "menu-preferences-engine".equals(item.getId()))
                    .findFirst().orElseThrow().fire();
        });
        assertThat(dialogs.enginePreferencesShown).isEqualTo(1);
        return texts;
    }

    private static ServerSocket listening() throws IOException {
        return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = listening()) {
            return socket.getLocalPort();
        }
    }
}
