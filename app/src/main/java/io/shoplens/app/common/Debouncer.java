package io.shoplens.app.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs an action once a burst of requests is over: each {@link #schedule} restarts the wait, so
 * a slider dragged or a word typed costs one analysis, not one per step. View models take one so
 * their tests can run {@link #IMMEDIATE}ly, without the FX toolkit's clock.
 */
public interface Debouncer {

    /** Runs the action at once, on the caller's thread (tests). */
    Debouncer IMMEDIATE = action -> action.run();

    /** Runs {@code action} (on the FX thread) after the quiet period, unless scheduled again before. */
    void schedule(Runnable action);

    /** A debouncer on the FX thread's clock; use it on the FX thread. */
    static Debouncer fx(Duration quiet) {
        return new Debouncer() {
            // Made at first use: wiring may happen before the FX toolkit (and its clock) is up.
            private PauseTransition pause;

            @Override
            public void schedule(Runnable action) {
                if (pause == null) {
                    pause = new PauseTransition(quiet);
                }
                pause.stop();
                pause.setOnFinished(e -> action.run());
                pause.playFromStart();
            }
        };
    }
}
