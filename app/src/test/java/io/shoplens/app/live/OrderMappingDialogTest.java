package io.shoplens.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.engine.imports.OrderColumns;
import io.shoplens.engine.imports.OrderMessages;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.LiveGmvParams;
import io.shoplens.engine.live.LiveGmvSettings;

/**
 * Live ▸ Order mapping… filled in by the robot: the order fields open with an orders topic, the
 * form says what is missing, and Save keeps the mapping, the page flow and the paid channels with
 * the connection, where they are read back the next time.
 */
@ExtendWith(ApplicationExtension.class)
class OrderMappingDialogTest {

    private static final KafkaSettings SHOP = KafkaSettings.plaintext("shop", "127.0.0.1:9092", "actions");

    private final FakeLiveService live = new FakeLiveService();
    private OrderMappingViewModel model;
    private OrderMappingDialog dialog;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
        model = new OrderMappingViewModel(live, new SyncJobRunner(e -> { }), Messages.forLocale(Locale.ENGLISH), SHOP);
        dialog = new OrderMappingDialog(stage, Messages.forLocale(Locale.ENGLISH), model);
        dialog.setX(0);
        dialog.setY(0);
        dialog.show();
    }

    @Test
    void theOrderColumnsOpenWithATopicAndSaveKeepsTheMappingWithTheConnection(FxRobot robot) {
        // Without an orders topic: GMV from the pay actions, the order columns closed, and valid.
        assertThat(robot.lookup("#gmv-column-session").query().isDisabled()).isTrue();
        assertThat(robot.lookup("#gmv-save").query().isDisabled()).isFalse();

        robot.clickOn("#gmv-orders-topic").write("actions");
        assertThat(robot.lookup("#gmv-column-session").query().isDisabled()).isFalse();
        assertThat(robot.lookup("#gmv-validation").queryAs(Label.class).getText())
                .isEqualTo("The orders topic must not be the actions topic.");
        assertThat(robot.lookup("#gmv-save").query().isDisabled()).isTrue();

        robot.clickOn("#gmv-orders-topic").push(KeyCode.CONTROL, KeyCode.A).write("mysql.shop.orders");
        robot.clickOn("#gmv-column-time").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        assertThat(robot.lookup("#gmv-validation").queryAs(Label.class).getText())
                .isEqualTo("Name the order id, pay time and product ids columns.");
        robot.write("pay_time");
        // Without a session column the user column is enough (a user-only mapping); without both, not.
        robot.clickOn("#gmv-column-session").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        assertThat(robot.lookup("#gmv-validation").queryAs(Label.class).isVisible()).isFalse();
        assertThat(model.settings().orElseThrow().orderColumns().userOnly()).isTrue();
        robot.clickOn("#gmv-column-user").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        assertThat(robot.lookup("#gmv-validation").queryAs(Label.class).getText())
                .isEqualTo("Name the session column, or the user column for orders that carry no session.");
        robot.write("user_id");
        robot.clickOn("#gmv-column-session").write("sid");
        robot.clickOn("#gmv-column-amount").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        robot.interact(() -> model.formatProperty().set(OrderMessages.Format.DEBEZIUM));
        assertThat(robot.lookup("#gmv-validation").queryAs(Label.class).isVisible()).isFalse();

        robot.clickOn("#gmv-save");
        WaitForAsyncUtils.waitForFxEvents();

        LiveGmvSettings expected = new LiveGmvSettings(SHOP, "mysql.shop.orders", OrderMessages.Format.DEBEZIUM,
                new OrderColumns("orders", "order_id", "sid", "user_id", "pay_time", null, "product_ids"));
        assertThat(dialog.getResult()).isEqualTo(expected);
        assertThat(live.gmvSaved).containsEntry("shop", expected);

        // The next time, the form shows what was saved.
        OrderMappingViewModel again = new OrderMappingViewModel(live, new SyncJobRunner(e -> { }),
                Messages.forLocale(Locale.ENGLISH), SHOP);
        robot.interact(again::load);
        assertThat(again.ordersTopicProperty().get()).isEqualTo("mysql.shop.orders");
        assertThat(again.sessionProperty().get()).isEqualTo("sid");
        assertThat(again.amountProperty().get()).isEmpty();
        assertThat(again.formatProperty().get()).isEqualTo(OrderMessages.Format.DEBEZIUM);
        assertThat(again.settings()).contains(expected);
    }

    @Test
    void thePageFlowAndPaidChannelsShowTheDefaultsAreCheckedAndSavedWithTheConnection(FxRobot robot) {
        assertThat(robot.lookup("#gmv-flow").queryAs(TextField.class).getText()).isEqualTo("1,2,3,4,5,6,7");
        assertThat(robot.lookup("#gmv-paid-channels").queryAs(TextField.class).getText()).isEqualTo("display_ad");

        robot.clickOn("#gmv-flow").push(KeyCode.CONTROL, KeyCode.A).write("1,,3");
        assertThat(robot.lookup("#gmv-validation").queryAs(Label.class).getText())
                .isEqualTo("The page flow is page ids separated by commas, such as 1,2,3,4,5,6,7.");
        assertThat(robot.lookup("#gmv-save").query().isDisabled()).isTrue();
        robot.clickOn("#gmv-flow").push(KeyCode.CONTROL, KeyCode.A).write("1, 3, 2");

        robot.clickOn("#gmv-paid-channels").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        assertThat(robot.lookup("#gmv-validation").queryAs(Label.class).getText())
                .isEqualTo("Name the paid channels, separated by commas, such as display_ad.");
        assertThat(robot.lookup("#gmv-save").query().isDisabled()).isTrue();
        robot.write("search, social");
        assertThat(robot.lookup("#gmv-validation").queryAs(Label.class).isVisible()).isFalse();

        robot.clickOn("#gmv-save");
        WaitForAsyncUtils.waitForFxEvents();

        LiveGmvParams params = new LiveGmvParams(List.of(1L, 3L, 2L), List.of("search", "social"));
        LiveGmvSettings expected = LiveGmvSettings.actions(SHOP).withParams(params);
        assertThat(dialog.getResult()).isEqualTo(expected);
        assertThat(live.gmvSaved).containsEntry("shop", expected);

        OrderMappingViewModel again = new OrderMappingViewModel(live, new SyncJobRunner(e -> { }),
                Messages.forLocale(Locale.ENGLISH), SHOP);
        robot.interact(again::load);
        assertThat(again.flowProperty().get()).isEqualTo("1,3,2");
        assertThat(again.paidChannelsProperty().get()).isEqualTo("search,social");
        assertThat(again.settings()).contains(expected);
    }

    @Test
    void chineseTextForEveryLabel(FxRobot robot) {
        robot.interact(() -> {
            dialog.close();
            OrderMappingDialog zh = new OrderMappingDialog(stage, Messages.forLocale(Locale.SIMPLIFIED_CHINESE), model);
            zh.show();
            assertThat(zh.getTitle()).isEqualTo("实时 GMV 的订单映射");
            assertThat(zh.getHeaderText()).isEqualTo("shop 的实时 GMV 订单（行为来自主题 actions）");
            zh.close();
        });
    }
}
