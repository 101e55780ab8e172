package io.shoplens.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Button;
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
import io.shoplens.app.engine.DatasetInfo;
import io.shoplens.app.engine.FakeEngineService;
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
        engine.addDataset(new DatasetInfo("d1", "user_visit_action.csv", LogKind.USER_VISIT_ACTION, 1000, 2,
                java.time.LocalDate.of(2019, 7, 17), java.time.LocalDate.of(2019, 7, 30), List.of("a.csv"), "fp-d1"));
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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !wiring.workspace().datasets().isEmpty());
        Button run = robot.lookup("#sessions-view #run").queryButton();

        robot.clickOn(run);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#cancel-job").query().isVisible());
        assertThat(run.isDisabled()).isTrue();

        robot.clickOn("#cancel-job");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#cancel-job").query().isVisible());

        assertThat(engine.cancelledGroups()).singleElement().asString().startsWith("shoplens-sessions-");
        assertThat(wiring.analyses().get(0).model().resultProperty().get()).isNull();
        assertThat(dialogs.errors).isEmpty();
        // Responsive: the form takes input and Run is offered again at once.
        robot.clickOn("#sessions-view #seed").eraseText(2).write("7");
        assertThat(robot.lookup("#sessions-view #seed").queryAs(TextField.class).getText()).isEqualTo("7");
        assertThat(run.isDisabled()).isFalse();
    }

    @Test
    void theFxThreadKeepsPulsingWhileAJobRuns(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !wiring.workspace().datasets().isEmpty());
        AtomicLong last = new AtomicLong();
        AtomicLong longestGap = new AtomicLong();
        AtomicLong pulses = new AtomicLong();
        // A pulse probe: an AnimationTimer runs on every pulse of the FX thread; a gap between
        // two pulses is time the FX thread spent on something else (blocked).
        AnimationTimer probe = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long previous = last.getAndSet(now);
                // The first pulses after start() lay out the status bar's new state once; the
                // probe watches the steady state of a running job.
                if (previous != 0 && pulses.get() > 10) {
                    longestGap.accumulateAndGet(now - previous, Math::max);
                }
                pulses.incrementAndGet();
            }
        };
        // A reference: a plain thread that sleeps 5 ms at a time and notes how late it wakes. On
        // these shared 2 cores a busy neighbour or a GC pause delays every thread alike; only a
        // delay the FX thread has and this thread has not means the FX thread itself was busy.
        AtomicLong referenceLateness = new AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean probing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread reference = new Thread(() -> {
            while (probing.get()) {
                long before = System.nanoTime();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
                referenceLateness.accumulateAndGet(System.nanoTime() - before - 5_000_000L, Math::max);
            }
        }, "reference-sleeper");
        robot.clickOn("#sessions-view #run");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#cancel-job").query().isVisible());
        reference.start();
        robot.interact(probe::start);
        // Watch the running job for a while: no sleeping on the FX thread, the robot waits here.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pulses.get() >= 90);
        robot.interact(probe::stop);
        probing.set(false);
        reference.join();
        assertThat(robot.lookup("#cancel-job").query().isVisible()).as("the job was still running").isTrue();
        robot.clickOn("#cancel-job");

        long gapMillis = TimeUnit.NANOSECONDS.toMillis(longestGap.get());
        long machineMillis = TimeUnit.NANOSECONDS.toMillis(referenceLateness.get());
        System.out.printf("FX pulse probe: %d pulses, longest gap %d ms; reference thread at most %d ms late%n",
                pulses.get(), gapMillis, machineMillis);
        assertThat(gapMillis - machineMillis).as("FX thread blocked beyond what the machine delayed everyone")
                .isLessThan(100);
    }
}
