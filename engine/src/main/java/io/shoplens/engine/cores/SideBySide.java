package io.shoplens.engine.cores;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
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
        Throwable failure = null;
        List<T> results = new ArrayList<>(pieces.size());
        for (Piece<T> piece : pieces) {
            if (piece.failure == null) {
                results.add(piece.result);
            } else if (failure == null) {
                failure = piece.failure;
            } else {
                failure.addSuppressed(piece.failure);
            }
        }
        if (failure != null) {
            throw SideBySide.<RuntimeException>rethrow(failure);
        }
        return results;
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
