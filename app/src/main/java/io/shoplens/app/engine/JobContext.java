package io.shoplens.app.engine;

/**
 * What a running job offers the work it runs: its Spark job group, progress reporting and
 * cancellation. Implemented by the app's job runner; thread-safe.
 */
public interface JobContext {

    /** A unique id for this job, used as the Spark job group so Cancel can stop exactly its Spark jobs. */
    String group();

    /** Reports progress; {@code total <= 0} means "unknown" (an indeterminate bar). */
    void progress(long done, long total);

    /** A short line for the status bar ("Reading user_visit_action.csv"). */
    void message(String text);

    boolean isCancelled();

    /**
     * Registers what to do when the user cancels (e.g. {@code sparkContext.cancelJobGroup(group())});
     * runs at once if the job is already cancelled. Called from the thread that cancels.
     */
    void onCancel(Runnable action);

    /** A context that is never cancelled and drops progress: for work outside the job runner. */
    JobContext NONE = new JobContext() {
        @Override
        public String group() {
            return "none";
        }

        @Override
        public void progress(long done, long total) {
        }

        @Override
        public void message(String text) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void onCancel(Runnable action) {
        }
    };
}
