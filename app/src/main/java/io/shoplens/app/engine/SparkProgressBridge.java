package io.shoplens.app.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns Spark's scheduler events into "tasks done / tasks total" for the job group of the app
 * job that started them. Register it once ({@code sparkContext.addSparkListener(bridge)}); the
 * engine adapter tracks each job through {@link SparkJobScope}. Views never see this class.
 *
 * <p>The total grows as an analysis starts more Spark jobs (one per action), so the bar can
 * step back a little; that is the honest answer to "how far along is it".
 */
public final class SparkProgressBridge extends SparkListener {

    /** The property Spark puts the job group in ({@code SparkContext.SPARK_JOB_GROUP_ID}). */
    static final String JOB_GROUP = "spark.jobGroup.id";

    private final Map<String, Tracked> groups = new ConcurrentHashMap<>();
    private final Map<Integer, Tracked> stages = new ConcurrentHashMap<>();

    /** Starts reporting the Spark jobs of {@code context.group()} to {@code context}. */
    public void track(JobContext context) {
        groups.put(context.group(), new Tracked(context));
    }

    public void untrack(JobContext context) {
        Tracked removed = groups.remove(context.group());
        if (removed != null) {
            stages.values().removeIf(t -> t == removed);
        }
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        String group = jobStart.properties() == null ? null : jobStart.properties().getProperty(JOB_GROUP);
        Tracked tracked = group == null ? null : groups.get(group);
        if (tracked == null) {
            return;
        }
        for (StageInfo stage : CollectionConverters.asJava(jobStart.stageInfos())) {
            // Stages that a previous job already computed are skipped and never run their
            // tasks; they are counted when (and if) they are submitted.
            stages.put(stage.stageId(), tracked);
        }
        tracked.report();
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        Tracked tracked = stages.get(submitted.stageInfo().stageId());
        if (tracked != null) {
            tracked.total.addAndGet(submitted.stageInfo().numTasks());
            tracked.report();
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        Tracked tracked = stages.get(taskEnd.stageId());
        if (tracked != null) {
            tracked.done.incrementAndGet();
            tracked.report();
        }
    }

    private static final class Tracked {
        final JobContext context;
        final AtomicLong done = new AtomicLong();
        final AtomicLong total = new AtomicLong();

        Tracked(JobContext context) {
            this.context = context;
        }

        void report() {
            long t = total.get();
            context.progress(Math.min(done.get(), t), t);
        }
    }
}
