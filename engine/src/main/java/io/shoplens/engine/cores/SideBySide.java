package io.shoplens.engine.cores;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.Supplier;

/**
 * Independent pieces of work run on every core: the analyses of one request over the held model
 * (immutable, so all can read it at once), the independent parts of one analysis, the tables a
 * request writes. Run one after another they left all cores but one idle. One work-stealing pool
 * is shared, so a piece that splits again (audience) waits by helping rather than by holding a
 * thread.
 */
public final class SideBySide {

    private static final ForkJoinPool POOL = new ForkJoinPool(Runtime.getRuntime().availableProcessors(),
            pool -> {
                ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                thread.setName("shoplens-memory-" + thread.getPoolIndex());
                thread.setDaemon(true);
                return thread;
            }, null, false);

    private SideBySide() {
    }

    /**
     * Runs every piece and returns their results in the same order. The first failure (in the
     * pieces' order) is thrown as it was thrown, once every piece has ended, the others'
     * added to it as suppressed.
     */
    public static <T> List<T> all(List<Supplier<T>> work) {
        List<Piece<T>> pieces = work.stream().map(Piece::new).toList();
        if (pieces.size() == 1) {
            pieces.get(0).compute();
        } else if (ForkJoinTask.inForkJoinPool()) {
            ForkJoinTask.invokeAll(pieces);
        } else {
            POOL.invoke(new RecursiveAction() {
                @Override
                protected void compute() {
                    invokeAll(pieces);
                }
            });
        }
        FirstFailure failure = new FirstFailure();
        List<T> results = new ArrayList<>(pieces.size());
        for (Piece<T> piece : pieces) {
            failure.add(piece.failure);
            results.add(piece.result);
        }
        failure.throwIfAny();
        return results;
    }

    /**
     * Runs {@code beside} on a new thread named {@code threadName} while this thread runs
     * {@code here}, and returns both results once both have ended: no work of the caller's
     * outlives the call. The new thread inherits this one's inheritable thread locals, Spark's
     * job group among them, so a Cancel of the caller's job group reaches the jobs beside too.
     * Spark's part of a request runs this way beside the in-memory analyses (its jobs wait on
     * Spark's executors, not on this pool). {@code here}'s failure is thrown first, once
     * {@code beside} has ended, with {@code beside}'s suppressed in it.
     */
    public static <A, B> Both<A, B> onOwnThread(String threadName, Supplier<A> beside, Supplier<B> here) {
        FutureTask<A> task = new FutureTask<>(beside::get);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        FirstFailure failure = new FirstFailure();
        B hereResult = null;
        try {
            hereResult = here.get();
        } catch (Throwable e) {
            failure.add(e);
        }
        A besideResult = null;
        try {
            besideResult = awaitThroughInterrupts(task);
        } catch (Throwable e) {
            failure.add(e);
        }
        failure.throwIfAny();
        return new Both<>(besideResult, hereResult);
    }

    /**
     * The task's result once it has ended, however often this thread is interrupted meanwhile
     * (the interrupt is kept for the caller); its failure is thrown as it was thrown.
     */
    private static <T> T awaitThroughInterrupts(FutureTask<T> task) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw SideBySide.<RuntimeException>rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The first of several failures, the later ones suppressed in it. */
    private static final class FirstFailure {
        private Throwable first;

        void add(Throwable failure) {
            if (failure == null) {
                return;
            }
            if (first == null) {
                first = failure;
            } else {
                first.addSuppressed(failure);
            }
        }

        void throwIfAny() {
            if (first != null) {
                throw SideBySide.<RuntimeException>rethrow(first);
            }
        }
    }

    /** Both results of {@link #both}. */
    public record Both<A, B>(A first, B second) {
    }

    /** {@link #all} of two pieces of different types. */
    @SuppressWarnings("unchecked")
    public static <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second) {
        List<Object> results = all(List.<Supplier<Object>>of(first::get, second::get));
        return new Both<>((A) results.get(0), (B) results.get(1));
    }

    /** Throws the failure as it is, checked or not, so callers see what the piece threw. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E rethrow(Throwable failure) throws E {
        throw (E) failure;
    }

    /** A piece that keeps its result or its failure, so the caller sees the failure as thrown. */
    private static final class Piece<T> extends RecursiveAction {
        private final Supplier<T> work;
        private T result;
        private Throwable failure;

        Piece(Supplier<T> work) {
            this.work = work;
        }

        @Override
        protected void compute() {
            try {
                result = work.get();
            } catch (Throwable e) {
                failure = e;
            }
        }
    }
}
