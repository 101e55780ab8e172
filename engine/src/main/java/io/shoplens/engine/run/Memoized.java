package io.shoplens.engine.run;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on first use and kept: Spark's plan of a session model costs about a second of
 * planning on a cold JVM, and a model held in memory is asked for it only when an analysis without
 * an in-memory form runs; a one-shot run opens its tables in Spark only if an analysis reads them.
 * Thread-safe; made at most once.
 */
public final class Memoized<T> implements Supplier<T> {

    private Supplier<T> maker;
    private T value;

    private Memoized(Supplier<T> maker) {
        this.maker = maker;
    }

    public static <T> Memoized<T> of(Supplier<T> maker) {
        return new Memoized<>(Objects.requireNonNull(maker, "maker"));
    }

    /** A value there already. */
    static <T> Memoized<T> now(T value) {
        Memoized<T> made = new Memoized<>(null);
        made.value = Objects.requireNonNull(value, "value");
        return made;
    }

    @Override
    public synchronized T get() {
        if (maker != null) {
            value = Objects.requireNonNull(maker.get(), "made value");
            maker = null;
        }
        return value;
    }
}
