package io.shoplens.app.jobs;

import io.shoplens.app.engine.JobContext;

/** The body of a job: runs on a worker thread (never the FX thread) and may block. */
@FunctionalInterface
public interface Work<T> {
    T call(JobContext context) throws Exception;
}
