package io.shoplens.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.engine.SparkJobScope;
import io.shoplens.app.engine.SparkProgressBridge;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;

/**
 * The Spark side of the job runner on a real local session: progress from the listener counts
 * the job group's tasks, and cancelling the app job cancels the Spark job group.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SparkJobScopeTest {

    private static SparkSession spark;
    private static SparkProgressBridge bridge;

    @BeforeAll
    static void startSpark() {
        spark = SparkSessions.shared(SparkSettings.fromEnvironment().withMaster("local[2]"));
        bridge = new SparkProgressBridge();
        spark.sparkContext().addSparkListener(bridge);
    }

    @AfterAll
    static void stopSpark() {
        spark.sparkContext().removeSparkListener(bridge);
        // The session stays: it is shared by every test of this JVM (SparkSessions.shared).
    }

    @Test
    void progressCountsTheTasksOfTheJobGroup() throws Exception {
        List<long[]> reports = new CopyOnWriteArrayList<>();
        JobContexts.Context context = JobContexts.create("Count", (done, total) -> reports.add(new long[] {done, total}),
                text -> { });

        long count = SparkJobScope.run(spark, bridge, context, "count",
                () -> spark.range(0, 1000, 1, 4).count());
        // Listener events arrive asynchronously on Spark's listener bus.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !reports.isEmpty() && reports.get(reports.size() - 1)[0] == reports.get(reports.size() - 1)[1]
                        && reports.get(reports.size() - 1)[1] >= 4);

        assertThat(count).isEqualTo(1000);
        long[] last = reports.get(reports.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]);
        assertThat(reports).allSatisfy(r -> assertThat(r[0]).isLessThanOrEqualTo(r[1]));
        assertThat(spark.sparkContext().getLocalProperty("spark.jobGroup.id")).isNull();
    }

    @Test
    void cancelCancelsTheSparkJobGroup() throws Exception {
        List<Long> totals = new CopyOnWriteArrayList<>();
        JobContexts.Context context = JobContexts.create("Long sum", (done, total) -> totals.add(total), text -> { });
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            // Long enough to still run when cancelled: a sum over 10^12 rows.
            Future<Object> running = worker.submit(() -> SparkJobScope.run(spark, bridge, context,
                    "long sum", () -> spark.range(0, 1_000_000_000_000L, 1, 2).selectExpr("sum(id)").collectAsList()));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> totals.stream().anyMatch(t -> t > 0));

            context.cancel();

            assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasStackTraceContaining("cancelled");
        } finally {
            worker.shutdownNow();
            // Killed tasks leave the executor's two slots a moment later; a test after this one
            // must not queue behind them.
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> spark.sparkContext().statusTracker().getActiveJobIds().length == 0);
        }
    }
}
