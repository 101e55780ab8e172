package io.shoplens.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.AppWiring;
import io.shoplens.app.ads.AdsViewModel;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.live.KafkaSettings;

/** The main window's Live tab connects with the Ads tab's blacklist threshold and time zone. */
@ExtendWith(ApplicationExtension.class)
class LiveAdParamsWiringTest {

    @Start
    void start(Stage stage) {
        // No window of its own: the test builds the main window's parts.
    }

    @Test
    void theLiveViewConnectsWithTheAdsTabsThresholdAndZone(FxRobot robot) {
        FakeLiveService live = new FakeLiveService();
        AppWiring wiring = new AppWiring(new FakeEngineService(Duration.ZERO), live, new SyncJobRunner(e -> {
            throw new AssertionError(e);
        }), new RecordingDialogs(), Messages.forLocale(Locale.ENGLISH), Path.of("no-samples"), () -> { });
        AdsViewModel ads = wiring.analyses().stream().map(view -> view.model())
                .filter(AdsViewModel.class::isInstance).map(AdsViewModel.class::cast).findFirst().orElseThrow();
        LiveViewModel model = wiring.live().orElseThrow().model();

        robot.interact(() -> {
            ads.blacklistThresholdProperty().set("25");
            ads.timeZoneProperty().set("Asia/Shanghai");
            model.start(new LiveConnection(KafkaSettings.plaintext("Local Kafka", "localhost:9092", "ad_clicks"),
                    "s3cret".toCharArray()));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(live.paramsSeen).containsExactly(new AdParams(25, ZoneId.of("Asia/Shanghai")));
        robot.interact(model::close);
    }
}
