package io.shoplens.app.jobs;

import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Runs each job at once on the calling thread, callbacks included: view models become plain
 * synchronous code in tests (JabRef's CurrentThreadTaskExecutor).
 */
public final class SyncJobRunner implements JobRunner {

    private final Consumer<Throwable> defaultFailure;
    private final JobStatus status = new JobStatus();

    public SyncJobRunner(Consumer<Throwable> defaultFailure) {
        this.defaultFailure = defaultFailure;
    }

    @Override
    public JobStatus status() {
        return status;
    }

    @Override
    public <T> JobHandle submit(Job<T> job) {
        JobContexts.Context context = JobContexts.create(job.title(), (done, total) -> {
        }, text -> {
        });
        JobHandle handle = new JobHandle() {
            @Override
            public void cancel() {
                context.cancel();
            }

            @Override
            public boolean isDone() {
                return true;
            }
        };
        try {
            T value = job.work().call(context);
            if (context.isCancelled()) {
                job.cancelledAction().run();
            } else {
                job.successAction().accept(value);
            }
        } catch (CancellationException e) {
            job.cancelledAction().run();
        } catch (Exception e) {
            job.failureAction(defaultFailure).accept(e);
        } finally {
            job.finishedAction().run();
        }
        return handle;
    }
}
