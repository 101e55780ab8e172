package io.shoplens.app.jobs;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app's executors, owned in one place and shut down on exit. Their threads are named (a
 * thread dump says who is busy) and log what they would otherwise swallow: an exception inside
 * a submitted {@link Future} is invisible unless someone calls {@code get()}.
 */
public final class NamedExecutors implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NamedExecutors.class.getName());

    private final ExecutorService jobs;
    private final ExecutorService background;

    public NamedExecutors() {
        // One thread for Spark jobs: two local jobs at once would only fight over the same cores,
        // and a queue keeps "Run" clicks in order.
        this.jobs = catching("shoplens-job", 1);
        // Warm-up and catalog reads must not wait behind a long analysis.
        this.background = catching("shoplens-background", 2);
    }

    public ExecutorService jobs() {
        return jobs;
    }

    public ExecutorService background() {
        return background;
    }

    /** Stops accepting work, interrupts what runs and waits briefly so the JVM can exit. */
    @Override
    public void close() {
        for (ExecutorService executor : List.of(jobs, background)) {
            executor.shutdownNow();
        }
        for (ExecutorService executor : List.of(jobs, background)) {
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static ExecutorService catching(String name, int threads) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads(name)) {
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                super.afterExecute(task, thrown);
                Throwable failure = thrown != null ? thrown : failureOf(task);
                if (failure != null) {
                    LOG.log(System.Logger.Level.ERROR, "Uncaught exception in " + name, failure);
                }
            }
        };
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            // Daemon: a job still running must not keep the JVM alive after the window closed.
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) ->
                    LOG.log(System.Logger.Level.ERROR, "Uncaught exception in " + t.getName(), e));
            return thread;
        };
    }

    private static Throwable failureOf(Runnable task) {
        // javafx.concurrent.Task reports its own failures through its exception property, so only
        // plain futures are inspected here.
        if (task instanceof Future<?> future && future.isDone() && !(task instanceof javafx.concurrent.Task<?>)) {
            try {
                future.get();
            } catch (CancellationException e) {
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }
}
