package io.shoplens.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The job runner after its executors shut down, as when the window closes. */
@ExtendWith(ApplicationExtension.class)
class FxJobRunnerTest {

    @Start
    void start(Stage stage) {
        // The FX toolkit is all this test needs; no window.
    }

    /**
     * A callback on the FX thread may chain a job after the executors shut down (a refresh after
     * an import, while the window closes). The job is not started and ends as cancelled: no
     * exception reaches the FX thread, the status bar lets go, and its callbacks run.
     */
    @Test
    void aJobSubmittedAfterShutdownEndsCancelledWithoutAnError(FxRobot robot) {
        NamedExecutors executors = new NamedExecutors();
        List<Throwable> failures = new ArrayList<>();
        FxJobRunner runner = new FxJobRunner(executors, failures::add);
        executors.close();
        AtomicBoolean worked = new AtomicBoolean();
        List<String> callbacks = new ArrayList<>();
        List<JobHandle> handle = new ArrayList<>();

        robot.interact(() -> handle.add(runner.submit(Job.of("refresh", context -> {
                    worked.set(true);
                    return 1;
                })
                .onSuccess(value -> callbacks.add("success"))
                .onCancelled(() -> callbacks.add("cancelled"))
                .onFinished(() -> callbacks.add("finished")))));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(handle.get(0).isDone()).isTrue();
        assertThat(worked).isFalse();
        assertThat(callbacks).containsExactly("cancelled", "finished");
        assertThat(failures).isEmpty();
        assertThat(runner.status().isRunning()).isFalse();
    }
}
