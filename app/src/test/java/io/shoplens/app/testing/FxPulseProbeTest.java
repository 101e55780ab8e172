package io.shoplens.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The probe the FX-thread tests rely on sees both ways of blocking the FX thread, and not idle time. */
@ExtendWith(ApplicationExtension.class)
class FxPulseProbeTest {

    private final FxPulseProbe probe = new FxPulseProbe();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void anIdleFxThreadIsNotBlocked(FxRobot robot) throws Exception {
        robot.interact(probe::start);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> probe.pulses() >= 40);
        robot.interact(probe::stop);
        assertThat(probe.blockedMillis()).isLessThan(100);
    }

    @Test
    void computingOnTheFxThreadIsSeen(FxRobot robot) throws Exception {
        robot.interact(probe::start);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> probe.pulses() >= 15);
        // 300 ms of the FX thread's own CPU time, however long the loaded machine takes to give it.
        robot.interact(() -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (threads.getCurrentThreadCpuTime() - start < 300_000_000L && System.nanoTime() < deadline) {
                Math.sqrt(System.nanoTime());
            }
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> probe.pulses() >= 20);
        robot.interact(probe::stop);
        assertThat(probe.blockedMillis()).isGreaterThanOrEqualTo(250);
    }

    @Test
    void waitingOnTheFxThreadInAppCodeIsSeen(FxRobot robot) throws Exception {
        robot.interact(probe::start);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> probe.pulses() >= 15);
        // A blocking call on the FX thread: it waits (sleeping, in app code) until the probe has
        // seen it wait 200 ms, or gives up after 10 s — then the assertion below fails.
        robot.interact(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (probe.waitInAppCodeMillis() < 200 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        robot.interact(probe::stop);
        assertThat(probe.blockedMillis()).isGreaterThanOrEqualTo(200);
    }
}
