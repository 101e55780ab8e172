package io.shoplens.app.jobs;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A unit of background work with its callbacks, built fluently and handed to a {@link JobRunner}:
 * <pre>{@code
 * runner.submit(Job.of("Sessions", ctx -> engine.run(request, ctx))
 *         .onSuccess(result::set)
 *         .onFailure(dialogs::notifyError));
 * }</pre>
 * Callbacks run on the FX thread (with the synchronous test runner: on the caller's thread).
 */
public final class Job<T> {

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = value -> {
    };
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> {
    };
    private Runnable onFinished = () -> {
    };
    private boolean quiet;

    private Job(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> Job<T> of(String title, Work<T> work) {
        return new Job<>(title, work);
    }

    public Job<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    /** Without one, the runner's default failure handler (a notification) is used. */
    public Job<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    public Job<T> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action);
        return this;
    }

    /** Runs after success, failure or cancel. */
    public Job<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    /** A quiet job does not take over the status bar (warm-up, catalog reads). */
    public Job<T> quiet() {
        this.quiet = true;
        return this;
    }

    public String title() {
        return title;
    }

    Work<T> work() {
        return work;
    }

    Consumer<? super T> successAction() {
        return onSuccess;
    }

    Consumer<Throwable> failureAction(Consumer<Throwable> fallback) {
        return onFailure != null ? onFailure : fallback;
    }

    Runnable cancelledAction() {
        return onCancelled;
    }

    Runnable finishedAction() {
        return onFinished;
    }

    boolean isQuiet() {
        return quiet;
    }
}
