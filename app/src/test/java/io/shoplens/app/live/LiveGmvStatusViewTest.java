package io.shoplens.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.engine.live.LiveGmvUpdate;

/**
 * The live GMV tab's status area: the malformed messages with their latest samples, as the
 * ad-click tab shows them, and, for a user-only order mapping, the orders still waiting for a
 * session (hidden when none waits).
 */
@ExtendWith(ApplicationExtension.class)
class LiveGmvStatusViewTest {

    private static final String BAD_ORDER = "orders partition 0 offset 7: not a change event: {\"no\": \"event\"}";
    private static final String EMPTY_ACTION = "user_actions partition 0 offset 12: empty message: ";

    private final FakeLiveService live = new FakeLiveService();
    private LiveGmvViewModel model;

    @Start
    void start(Stage stage) {
        model = new LiveGmvViewModel(live, new SyncJobRunner(e -> {
            throw new AssertionError(e);
        }), Messages.forLocale(Locale.ENGLISH), Runnable::run);
        LiveGmvView view = new LiveGmvView(model, Messages.forLocale(Locale.ENGLISH));
        stage.setScene(new javafx.scene.Scene(view, 900, 700));
        stage.show();
    }

    @Test
    void malformedMessagesWithSamplesAndOrdersWaitingForASession(FxRobot robot) {
        // Nothing read: neither shows.
        assertThat(robot.lookup("#live-gmv-malformed-pane").queryAs(TitledPane.class).isVisible()).isFalse();
        assertThat(robot.lookup("#live-gmv-waiting").queryAs(Label.class).isVisible()).isFalse();

        robot.interact(() -> model.start(LiveGmvViewModelTest.USER_ONLY, "pw".toCharArray()));
        robot.interact(() -> model.onUpdate(counted(1, 1000, 234, 1, List.of(BAD_ORDER, EMPTY_ACTION))));

        TitledPane pane = robot.lookup("#live-gmv-malformed-pane").queryAs(TitledPane.class);
        assertThat(pane.isVisible()).isTrue();
        // An orders topic is read: each topic's count is told apart.
        assertThat(pane.getText()).isEqualTo("Malformed messages: 1,234 (1,000 actions, 234 orders; latest samples)");
        robot.interact(() -> pane.setExpanded(true));
        assertThat(samples(robot).getItems()).containsExactly(BAD_ORDER, EMPTY_ACTION);
        Label waiting = robot.lookup("#live-gmv-waiting").queryAs(Label.class);
        assertThat(waiting.isVisible()).isTrue();
        assertThat(waiting.getText()).isEqualTo("1 order waiting for a session");

        robot.interact(() -> model.onUpdate(counted(2, 1000, 234, 3, List.of(BAD_ORDER, EMPTY_ACTION))));
        assertThat(waiting.getText()).isEqualTo("3 orders waiting for a session");

        // Their sessions arrived.
        robot.interact(() -> model.onUpdate(counted(3, 1000, 234, 0, List.of(BAD_ORDER, EMPTY_ACTION))));
        assertThat(waiting.isVisible()).isFalse();
        assertThat(waiting.isManaged()).isFalse();
    }

    @Test
    void noMalformedMessagesSaysSo(FxRobot robot) {
        robot.interact(() -> model.onUpdate(counted(1, 0, 0, 0, List.of())));
        TitledPane pane = robot.lookup("#live-gmv-malformed-pane").queryAs(TitledPane.class);
        assertThat(pane.getText()).isEqualTo("Malformed messages: 0 (latest samples)");
        robot.interact(() -> pane.setExpanded(true));
        assertThat(samples(robot).getItems()).isEmpty();
        assertThat(((Label) samples(robot).getPlaceholder()).getText()).isEqualTo("None so far.");
        assertThat(robot.lookup("#live-gmv-waiting").queryAs(Label.class).isVisible()).isFalse();
    }

    @Test
    void theWaitingOrdersInChinese() {
        assertThat(Messages.forLocale(Locale.SIMPLIFIED_CHINESE).get("live.gmv.waitingOrders", 1200L))
                .isEqualTo("1,200 个订单正在等待会话");
        assertThat(Messages.forLocale(Locale.SIMPLIFIED_CHINESE).get("live.malformed.title", "3"))
                .isEqualTo("格式错误的消息：3（最近样例）");
        assertThat(Messages.forLocale(Locale.SIMPLIFIED_CHINESE).get("live.gmv.malformed.title", "3", "1", "2"))
                .isEqualTo("格式错误的消息：3（行为 1 条，订单 2 条；最近样例）");
    }

    @Test
    void saysWhereYesterdaysSameHoursComeFrom(FxRobot robot) {
        Label through = robot.lookup("#live-gmv-through").queryAs(Label.class);
        LiveGmvUpdate u = counted(1, 0, 0, 0, List.of());

        robot.interact(() -> model.onUpdate(withDayBefore(u, LiveGmvUpdate.DayBefore.STREAM)));
        assertThat(through.getText()).isEqualTo("Today through 2026-12-02 10:30:00, against yesterday at the same time");

        robot.interact(() -> model.onUpdate(withDayBefore(u, LiveGmvUpdate.DayBefore.IMPORTED)));
        assertThat(through.getText()).isEqualTo(
                "Today through 2026-12-02 10:30:00, against yesterday at the same time as the imported logs have it");

        robot.interact(() -> model.onUpdate(withDayBefore(u, LiveGmvUpdate.DayBefore.NONE)));
        assertThat(through.getText()).isEqualTo(
                "Today through 2026-12-02 10:30:00. No comparison: neither the stream nor the imported logs hold yesterday.");
    }

    private static LiveGmvUpdate withDayBefore(LiveGmvUpdate u, LiveGmvUpdate.DayBefore dayBefore) {
        return new LiveGmvUpdate(u.batchId(), u.completedAt(), u.actionsTotal(), u.orderChangesTotal(),
                u.malformedActions(), u.malformedOrders(), u.lateTotal(), u.unattributed(), u.malformedSamples(), u.day(),
                u.latestAction(), dayBefore, u.tables());
    }

    @SuppressWarnings("unchecked")
    private static ListView<String> samples(FxRobot robot) {
        return robot.lookup("#live-gmv-malformed-samples").queryAs(ListView.class);
    }

    /** The view test's update, with these counters. */
    private static LiveGmvUpdate counted(long batch, long malformedActions, long malformedOrders, long unattributed,
                                         List<String> samples) {
        LiveGmvUpdate u = LiveGmvViewTest.update(batch, 4L, 2L, 30.0, 2L, 1L, 20.0, List.of(
                LiveGmvViewTest.minute("2026-12-02 10:00", 1, 1, 10.0)));
        return new LiveGmvUpdate(u.batchId(), u.completedAt(), u.actionsTotal(), u.orderChangesTotal(), malformedActions,
                malformedOrders, u.lateTotal(), unattributed, samples, u.day(), u.latestAction(), u.dayBefore(), u.tables());
    }
}
