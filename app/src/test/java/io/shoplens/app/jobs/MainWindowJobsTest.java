package io.shoplens.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.AppWiring;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.testing.FxPulseProbe;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.logs.LogKind;

/**
 * The whole window with the real job runner on its named executors and a fake engine whose
 * jobs take long: the FX thread keeps pulsing while a job runs, and Cancel reaches the engine.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowJobsTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ofSeconds(60));
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final NamedExecutors executors = new NamedExecutors();
    private AppWiring wiring;

    @Start
    void start(Stage stage) {
        engine.addDataset(FakeEngineService.dataset(1, "user_visit_action.csv", LogKind.USER_VISIT_ACTION, 1000, 2,
                java.time.LocalDate.of(2019, 7, 17), java.time.LocalDate.of(2019, 7, 30)));
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        FxJobRunner jobs = new FxJobRunner(executors, e -> dialogs.notifyError("job", e));
        wiring = new AppWiring(engine, jobs, dialogs, messages, java.nio.file.Path.of("no-samples"), () -> { });
        stage.setScene(new Scene(wiring.window(), 1200, 800));
        stage.show();
        wiring.workspace().refresh();
    }

    @AfterEach
    void stop() {
        executors.close();
    }

    @Test
    void cancelStopsTheJobAndTheWindowStaysResponsive(FxRobot robot) throws Exception {
        // Data is in: the overview, the first view, computes itself with nothing pressed.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#cancel-job").query().isVisible());
        assertThat(wiring.overview().model().runningProperty().get()).isTrue();

        robot.clickOn("#cancel-job");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#cancel-job").query().isVisible());

        assertThat(engine.cancelledGroups()).singleElement().asString().startsWith("shoplens-overview-");
        assertThat(wiring.overview().model().overviewProperty().get()).isNull();
        assertThat(wiring.overview().model().runningProperty().get()).isFalse();
        assertThat(dialogs.errors).isEmpty();
        // Responsive: another view opens and runs by itself, and its options take input.
        robot.clickOn("#tab-sessions");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> wiring.analyses().get(0).model().runningProperty().get());
        robot.clickOn("#sessions-view #seed").eraseText(2).write("7");
        assertThat(robot.lookup("#sessions-view #seed").queryAs(TextField.class).getText()).isEqualTo("7");
        robot.clickOn("#cancel-job");
    }

    @Test
    void theFxThreadKeepsPulsingWhileAJobRuns(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !wiring.workspace().datasets().isEmpty());
        FxPulseProbe probe = new FxPulseProbe();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#cancel-job").query().isVisible());
        robot.interact(probe::start);
        // Watch the running job for a while: no sleeping on the FX thread, the robot waits here.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> probe.pulses() >= 90);
        robot.interact(probe::stop);
        assertThat(robot.lookup("#cancel-job").query().isVisible()).as("the job was still running").isTrue();
        robot.clickOn("#cancel-job");

        System.out.println(probe);
        assertThat(probe.blockedMillis()).as("FX thread kept busy by its own work")
                .isLessThan(100);
    }
}
