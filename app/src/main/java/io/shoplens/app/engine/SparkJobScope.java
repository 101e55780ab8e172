package io.shoplens.app.engine;

import java.util.concurrent.Callable;

import org.apache.spark.SparkContext;


/**
 * Runs Spark work as one app job: sets the job group on the calling (worker) thread, reports
 * its progress through the {@link SparkProgressBridge} and cancels the group when the user
 * cancels. For the engine adapter:
 * <pre>{@code
 * return SparkJobScope.run(spark.sparkContext(), bridge, job, "Sessions",
 *         () -> new SessionAnalysis().run(input, params));
 * }</pre>
 */
public final class SparkJobScope {

    private SparkJobScope() {
    }

    public static <T> T run(SparkContext sparkContext, SparkProgressBridge bridge, JobContext job,
                            String description, Callable<T> work) throws Exception {
        // interruptOnCancel: executor threads of a cancelled task are interrupted, so a long
        // scan stops within a task rather than at the next task boundary.
        sparkContext.setJobGroup(job.group(), description, true);
        bridge.track(job);
        job.onCancel(() -> sparkContext.cancelJobGroup(job.group()));
        try {
            return work.call();
        } finally {
            bridge.untrack(job);
            sparkContext.clearJobGroup();
        }
    }
}
