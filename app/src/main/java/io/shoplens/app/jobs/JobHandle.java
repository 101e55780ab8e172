package io.shoplens.app.jobs;

/** A submitted job, as its submitter sees it. */
public interface JobHandle {

    /** Asks the job to stop: runs its cancel actions (e.g. cancelling its Spark job group). */
    void cancel();

    boolean isDone();
}
