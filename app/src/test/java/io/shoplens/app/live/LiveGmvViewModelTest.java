package io.shoplens.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.imports.OrderColumns;
import io.shoplens.engine.imports.OrderMessages;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.LiveGmvSettings;
import io.shoplens.engine.live.LiveGmvUpdate;
import io.shoplens.engine.live.LiveStatus;

/**
 * Live ▸ Watch GMV live: the connection, then the orders' mapping, then a start with the password
 * lent; and the counts each update brings besides its tables (malformed messages, orders waiting).
 */
class LiveGmvViewModelTest {

    static final KafkaSettings SHOP = KafkaSettings.plaintext("Shop", "localhost:9092", "user_actions");
    /** Orders that name their user but no session. */
    static final LiveGmvSettings USER_ONLY = new LiveGmvSettings(SHOP, "orders", OrderMessages.Format.CANAL,
            new OrderColumns("orders", "order_id", null, "user_id", "pay_time", "amount", "product_ids"));

    private final FakeLiveService live = new FakeLiveService();
    private final LiveGmvViewModel model = new LiveGmvViewModel(live, new SyncJobRunner(e -> {
        throw new AssertionError(e);
    }), Messages.forLocale(Locale.ENGLISH), Runnable::run);

    @Test
    void connectAsksForTheConnectionThenTheOrdersAndStarts() {
        char[] password = "s3cret".toCharArray();
        KafkaSettings actions = KafkaSettings.plaintext("Shop", "localhost:9092", "user_actions");
        model.useConnectPrompt(form -> Optional.of(new LiveConnection(actions, password)));
        LiveGmvSettings[] asked = new LiveGmvSettings[1];
        model.useOrderPrompt(mapping -> {
            assertThat(mapping.connection()).isEqualTo(actions);
            asked[0] = LiveGmvSettings.actions(mapping.connection());
            return Optional.of(asked[0]);
        });

        model.connect();

        assertThat(live.gmvStarted).containsExactly(asked[0]);
        assertThat(live.gmvPasswords).containsExactly("s3cret");
        assertThat(new String(password)).isEqualTo("\0\0\0\0\0\0");
        assertThat(model.connectionNameProperty().get()).isEqualTo("Shop");
        assertThat(model.statusProperty().get()).isEqualTo(LiveStatus.RUNNING);

        model.stop();
        assertThat(live.gmvClosed).isEqualTo(1);
    }

    @Test
    void cancellingTheOrdersStartsNothingAndWipesThePassword() {
        char[] password = "s3cret".toCharArray();
        model.useConnectPrompt(form -> Optional.of(new LiveConnection(
                KafkaSettings.plaintext("Shop", "localhost:9092", "user_actions"), password)));
        model.useOrderPrompt(mapping -> Optional.empty());

        model.connect();

        assertThat(live.gmvStarted).isEmpty();
        assertThat(new String(password)).isEqualTo("\0\0\0\0\0\0");
        assertThat(model.statusProperty().get()).isNull();
    }

    @Test
    void aUserOnlyMappingShowsTheOrdersWaitingAndTheMalformedMessagesWithSamples() {
        model.start(USER_ONLY, "pw".toCharArray());
        assertThat(model.userOnlyProperty().get()).isTrue();
        assertThat(model.waitingOrdersProperty().get()).isZero();

        live.gmvListener.onUpdate(update(1, 3, 2, List.of(
                "orders partition 0 offset 7: not a change event: {\"no\": \"event\"}",
                "user_actions partition 0 offset 12: empty message: ")));

        assertThat(model.malformedProperty().get()).isEqualTo(3);
        assertThat(model.malformedSamples()).containsExactly(
                "orders partition 0 offset 7: not a change event: {\"no\": \"event\"}",
                "user_actions partition 0 offset 12: empty message: ");
        assertThat(model.waitingOrdersProperty().get()).isEqualTo(2);

        // Their sessions arrived: none waits any more.
        live.gmvListener.onUpdate(update(2, 3, 0, List.of(
                "orders partition 0 offset 7: not a change event: {\"no\": \"event\"}")));
        assertThat(model.waitingOrdersProperty().get()).isZero();
        assertThat(model.malformedSamples()).containsExactly(
                "orders partition 0 offset 7: not a change event: {\"no\": \"event\"}");
    }

    @Test
    void aMappingWithSessionsHasNoOrdersWaiting() {
        model.start(USER_ONLY, "pw".toCharArray());
        live.gmvListener.onUpdate(update(1, 0, 4, List.of()));
        assertThat(model.waitingOrdersProperty().get()).isEqualTo(4);

        model.start(LiveGmvSettings.actions(SHOP), "pw".toCharArray());
        assertThat(model.userOnlyProperty().get()).isFalse();
        assertThat(model.waitingOrdersProperty().get()).isZero();
        live.gmvListener.onUpdate(update(1, 1, 4, List.of("user_actions partition 0 offset 1: empty message: ")));
        assertThat(model.waitingOrdersProperty().get()).isZero();
        assertThat(model.malformedProperty().get()).isEqualTo(1);
    }

    @Test
    void malformedMessagesAreCountedPerTopic() {
        model.start(USER_ONLY, "pw".toCharArray());
        assertThat(model.readsOrdersProperty().get()).isTrue();
        LiveGmvUpdate u = update(1, 7, 0, List.of());
        live.gmvListener.onUpdate(new LiveGmvUpdate(u.batchId(), u.completedAt(), u.actionsTotal(), u.orderChangesTotal(),
                5, 2, u.lateTotal(), u.unattributed(), u.malformedSamples(), u.day(), u.latestAction(),
                LiveGmvUpdate.DayBefore.IMPORTED, u.tables()));

        assertThat(model.malformedProperty().get()).isEqualTo(7);
        assertThat(model.malformedActionsProperty().get()).isEqualTo(5);
        assertThat(model.malformedOrdersProperty().get()).isEqualTo(2);
        assertThat(model.dayBeforeProperty().get()).isEqualTo(LiveGmvUpdate.DayBefore.IMPORTED);

        model.start(LiveGmvSettings.actions(SHOP), "pw".toCharArray());
        assertThat(model.readsOrdersProperty().get()).isFalse();
    }

    /** An update of nothing counted yet but its counters. */
    static LiveGmvUpdate update(long batch, long malformed, long unattributed, List<String> samples) {
        ResultTable sameTime = new ResultTable("gmv_same_time", List.of("period", "date", "through", "sessions",
                "orders", "gmv", "conversion", "aov"), List.of());
        return new LiveGmvUpdate(batch, Instant.EPOCH, 10, 5, malformed, 0, 0, unattributed, samples,
                LocalDate.of(2026, 12, 2), LocalDateTime.of(2026, 12, 2, 10, 30), LiveGmvUpdate.DayBefore.NONE,
                List.of(sameTime));
    }
}
