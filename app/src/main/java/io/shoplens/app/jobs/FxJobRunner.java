package io.shoplens.app.jobs;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.concurrent.Task;

/**
 * Runs each {@link Job} as a {@link Task} on a named executor; progress, message and the
 * callbacks reach the FX thread through the Task's own (coalescing) machinery.
 */
public final class FxJobRunner implements JobRunner {

    private static final System.Logger LOG = System.getLogger(FxJobRunner.class.getName());

    private final ExecutorService jobs;
    private final ExecutorService quiet;
    private final Consumer<Throwable> defaultFailure;
    private final JobStatus status = new JobStatus();

    /**
     * @param jobs           where foreground jobs (Spark work the user waits for) run
     * @param quiet          where quiet jobs run
     * @param defaultFailure how failures of jobs without their own handler are shown
     */
    public FxJobRunner(ExecutorService jobs, ExecutorService quiet, Consumer<Throwable> defaultFailure) {
        this.jobs = jobs;
        this.quiet = quiet;
        this.defaultFailure = defaultFailure;
    }

    public FxJobRunner(NamedExecutors executors, Consumer<Throwable> defaultFailure) {
        this(executors.jobs(), executors.background(), defaultFailure);
    }

    @Override
    public JobStatus status() {
        return status;
    }

    @Override
    public <T> JobHandle submit(Job<T> job) {
        JobTask<T> task = new JobTask<>(job);
        if (!job.isQuiet()) {
            runOnFx(() -> status.started(task.handle, job.title()));
        }
        try {
            (job.isQuiet() ? quiet : jobs).execute(task);
        } catch (RejectedExecutionException e) {
            // The executors shut down when the window closes, and a callback still running on
            // the FX thread may chain a job then (a refresh after an import). It is not started:
            // it ends as cancelled, so its status and callbacks end as for any cancelled job.
            LOG.log(System.Logger.Level.DEBUG, "Not started, the job runner is shut down: " + job.title());
            task.handle.cancel();
        }
        return task.handle;
    }

    private static void runOnFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    private final class JobTask<T> extends Task<T> {
        private final Job<T> job;
        private final JobContexts.Context context;
        private final JobHandle handle = new JobHandle() {
            @Override
            public void cancel() {
                // Cancel actions first (Spark's cancelJobGroup), then the Task's state. No thread
                // interrupt: interrupting Hadoop file I/O leaves half-closed channels; the job
                // group cancel is what stops the work.
                context.cancel();
                JobTask.this.cancel(false);
            }

            @Override
            public boolean isDone() {
                return JobTask.this.isDone();
            }
        };

        JobTask(Job<T> job) {
            this.job = job;
            this.context = JobContexts.create(job.title(), this::reportProgress, this::updateMessage);
            updateTitle(job.title());
            if (!job.isQuiet()) {
                progressProperty().addListener((obs, old, value) ->
                        status.progressed(handle, value.doubleValue(), null));
                messageProperty().addListener((obs, old, value) -> status.progressed(handle, getProgress(), value));
            }
        }

        private void reportProgress(long done, long total) {
            if (total <= 0) {
                updateProgress(-1, 1);
            } else {
                updateProgress(done, total);
            }
        }

        @Override
        protected T call() throws Exception {
            return job.work().call(context);
        }

        @Override
        protected void succeeded() {
            if (context.isCancelled()) {
                done(job.cancelledAction());
            } else {
                done(() -> job.successAction().accept(getValue()));
            }
        }

        @Override
        protected void failed() {
            Throwable error = getException();
            if (context.isCancelled() || error instanceof CancellationException) {
                done(job.cancelledAction());
            } else {
                LOG.log(System.Logger.Level.WARNING, "Job failed: " + job.title(), error);
                done(() -> job.failureAction(defaultFailure).accept(error));
            }
        }

        @Override
        protected void cancelled() {
            done(job.cancelledAction());
        }

        private void done(Runnable callback) {
            // The status bar lets go first: a callback may open a modal dialog (the import
            // review), and the bar must not show the finished job as running meanwhile.
            status.finished(handle);
            try {
                callback.run();
            } finally {
                job.finishedAction().run();
            }
        }
    }
}
