package io.shoplens.engine.live;

import java.time.LocalDate;

/** A running live view; {@link #close()} stops it, keeping its checkpoint so a restart resumes. */
public interface LiveQuery extends AutoCloseable {

    LiveStatus status();

    /** The words that came with the latest status (the broker error while reconnecting); may be empty. */
    default String detail() {
        return "";
    }

    /**
     * A past day's tables ({@link LiveUpdate#pastDays()}), from the clicks stored so far. Runs a
     * Spark job: never on the FX thread.
     */
    LiveDay history(LocalDate day);

    /** Stops the query and waits for it to finish its current micro-batch. Idempotent. */
    @Override
    void close();
}
