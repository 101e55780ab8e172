package io.shoplens.app.jobs;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The status bar's model: the current (non-quiet) job's title, message and progress
 * ({@code -1}: indeterminate), whether one runs, and Cancel. Updated on the FX thread.
 */
public final class JobStatus {

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private JobHandle current;

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Cancels the job shown, if any. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    void started(JobHandle handle, String jobTitle) {
        current = handle;
        title.set(jobTitle);
        message.set("");
        progress.set(-1);
        running.set(true);
    }

    /** Progress of {@code handle}; ignored unless it is the job shown (a queued job's predecessor still reports). */
    void progressed(JobHandle handle, double fraction, String text) {
        if (current != handle) {
            return;
        }
        progress.set(fraction);
        if (text != null) {
            message.set(text);
        }
    }

    void finished(JobHandle handle) {
        if (current == handle) {
            current = null;
            running.set(false);
            progress.set(0);
            message.set("");
            title.set("");
        }
    }
}
