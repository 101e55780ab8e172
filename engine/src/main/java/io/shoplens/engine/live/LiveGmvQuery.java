package io.shoplens.engine.live;

/** A running live GMV view; {@link #close()} stops it, keeping what it read so a restart resumes. */
public interface LiveGmvQuery extends AutoCloseable {

    LiveStatus status();

    /** The words that came with the latest status (the broker error while reconnecting); may be empty. */
    String detail();

    /** Stops the query and waits for it to finish its current micro-batch. Idempotent. */
    @Override
    void close();
}
