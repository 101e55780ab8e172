package io.shoplens.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.Styles;
import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.engine.live.ConnectionCheck;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;

/** Live ▸ Connect filled in by the robot: SASL fields open up, Test connection answers inline, Connect lends the password. */
@ExtendWith(ApplicationExtension.class)
class ConnectDialogTest {

    private final FakeLiveService live = new FakeLiveService();
    private ConnectViewModel model;
    private ConnectDialog dialog;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
        model = new ConnectViewModel(live, new SyncJobRunner(e -> { }), Messages.forLocale(Locale.ENGLISH));
        dialog = new ConnectDialog(stage, Messages.forLocale(Locale.ENGLISH), model);
        dialog.setX(0);
        dialog.setY(0);
        dialog.show();
    }

    private void fillSasl(FxRobot robot) {
        robot.clickOn("#live-bootstrap").push(KeyCode.CONTROL, KeyCode.A).write("broker-1:9092,broker-2:9092");
        assertThat(robot.lookup("#live-username").query().isDisabled()).isTrue();
        robot.interact(() -> model.protocolProperty().set(SecurityProtocol.SASL_SSL));
        assertThat(robot.lookup("#live-username").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#live-truststore").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#live-test").query().isDisabled()).isTrue();
        robot.clickOn("#live-username").write("ads-reader");
        robot.clickOn("#live-password").write("s3cret");
    }

    @Test
    void testConnectionShowsTheAnswerInGreen(FxRobot robot) {
        fillSasl(robot);
        robot.clickOn("#live-test");
        WaitForAsyncUtils.waitForFxEvents();

        Text answer = robot.lookup("#live-check").queryAs(Text.class);
        assertThat(answer.getText()).isEqualTo("Test passed — topic ad_clicks, 3 partitions");
        assertThat(answer.getStyleClass()).contains(Styles.SUCCESS);
        assertThat(live.passwordsSeen).containsExactly("s3cret");
        assertThat(model.settings().bootstrapServers()).isEqualTo("broker-1:9092,broker-2:9092");
    }

    @Test
    void anUnreachableBrokerIsSaidInRed(FxRobot robot) {
        live.checkAnswer = new ConnectionCheck(ConnectionCheck.Outcome.BROKER_UNREACHABLE,
                "no broker answered at broker-1:9092, broker-2:9092 within 10 s");
        fillSasl(robot);
        robot.clickOn("#live-test");
        WaitForAsyncUtils.waitForFxEvents();

        Text answer = robot.lookup("#live-check").queryAs(Text.class);
        assertThat(answer.getText())
                .isEqualTo("Broker unreachable — no broker answered at broker-1:9092, broker-2:9092 within 10 s");
        assertThat(answer.getStyleClass()).contains(Styles.DANGER).doesNotContain(Styles.SUCCESS);
    }

    @Test
    void connectAnswersTheSettingsWithThePasswordAndEmptiesTheField(FxRobot robot) {
        fillSasl(robot);
        Node connect = robot.lookup("#live-connect").query();
        robot.clickOn(connect);
        WaitForAsyncUtils.waitForFxEvents();

        LiveConnection connection = dialog.getResult();
        assertThat(connection.settings().username()).isEqualTo("ads-reader");
        assertThat(connection.settings().securityProtocol()).isEqualTo(SecurityProtocol.SASL_SSL);
        assertThat(new String(connection.password())).isEqualTo("s3cret");
        assertThat(model.passwordEnteredProperty().get()).isFalse();
    }
}
