package io.shoplens.app.jobs;

/**
 * The one way the app runs background work (STYLE.md rule 6). {@link FxJobRunner} runs jobs
 * on named executors with callbacks on the FX thread; {@link SyncJobRunner} runs them on the
 * caller's thread for view-model tests.
 */
public interface JobRunner {

    <T> JobHandle submit(Job<T> job);

    /** The job the status bar shows: title, progress, message, Cancel. */
    JobStatus status();
}
