package io.shoplens.engine.live;

/** A running live view; {@link #close()} stops it, keeping its checkpoint so a restart resumes. */
public interface LiveQuery extends AutoCloseable {

    LiveStatus status();

    /** Stops the query and waits for it to finish its current micro-batch. Idempotent. */
    @Override
    void close();
}
