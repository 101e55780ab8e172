package io.shoplens.app.engine;

import java.util.concurrent.Callable;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.spark.SparkSessions;

/**
 * Runs Spark work as one app job: its progress and its Cancel. In this process's Spark (local
 * mode or a cluster) it sets the job group on the calling (worker) thread, reports progress
 * through the {@link SparkProgressBridge} and cancels the group when the user cancels. On a Spark
 * Connect session, which has no SparkContext, the job's operations carry its tag instead and
 * Cancel interrupts them; the server reports no task counts, so the bar stays indeterminate.
 * For the engine adapter:
 * <pre>{@code
 * return SparkJobScope.run(spark, bridge, job, "Sessions", () -> new SessionAnalysis().run(input, params));
 * }</pre>
 */
public final class SparkJobScope {

    private SparkJobScope() {
    }

    public static <T> T run(SparkSession spark, SparkProgressBridge bridge, JobContext job, String description,
                            Callable<T> work) throws Exception {
        if (SparkSessions.isRemote(spark)) {
            return overConnect(spark, job, work);
        }
        SparkContext sparkContext = spark.sparkContext();
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

    /**
     * The tag goes on this thread's operations and on those of the threads it starts (the engine
     * runs Spark's part of a request beside the in-memory analyses); {@code interruptTag} stops
     * every one still running on the server.
     */
    private static <T> T overConnect(SparkSession spark, JobContext job, Callable<T> work) throws Exception {
        String tag = job.group();
        spark.addTag(tag);
        job.onCancel(() -> spark.interruptTag(tag));
        try {
            return work.call();
        } finally {
            spark.removeTag(tag);
        }
    }
}
