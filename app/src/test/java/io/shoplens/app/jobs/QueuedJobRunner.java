package io.shoplens.app.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Holds submitted jobs until the test runs them, so a test can submit a second request while the
 * first is still "running" and see what becomes of each (callbacks on the test's thread).
 */
public final class QueuedJobRunner implements JobRunner {

    private final JobStatus status = new JobStatus();
    private final List<Runnable> queued = new ArrayList<>();

    @Override
    public JobStatus status() {
        return status;
    }

    @Override
    public <T> JobHandle submit(Job<T> job) {
        JobContexts.Context context = JobContexts.create(job.title(), (done, total) -> {
        }, text -> {
        });
        boolean[] done = {false};
        queued.add(() -> {
            try {
                if (context.isCancelled()) {
                    // As FxJobRunner's Task: a job cancelled before it started never runs.
                    throw new CancellationException("cancelled before it started");
                }
                T value = job.work().call(context);
                if (context.isCancelled()) {
                    job.cancelledAction().run();
                } else {
                    job.successAction().accept(value);
                }
            } catch (CancellationException e) {
                job.cancelledAction().run();
            } catch (Exception e) {
                job.failureAction(error -> { }).accept(e);
            } finally {
                done[0] = true;
                job.finishedAction().run();
            }
        });
        return new JobHandle() {
            @Override
            public void cancel() {
                context.cancel();
            }

            @Override
            public boolean isDone() {
                return done[0];
            }
        };
    }

    /** Jobs submitted and not yet run. */
    public int pending() {
        return queued.size();
    }

    /** Runs the job submitted first of those still queued (a job it submits waits its turn). */
    public void runNext() {
        queued.remove(0).run();
    }

    /** Runs every queued job, in the order submitted. */
    public void runAll() {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }
}
