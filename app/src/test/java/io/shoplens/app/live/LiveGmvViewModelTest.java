package io.shoplens.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.LiveGmvSettings;
import io.shoplens.engine.live.LiveStatus;

/** Live ▸ Watch GMV live: the connection, then the orders' mapping, then a start with the password lent. */
class LiveGmvViewModelTest {

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
}
