package io.shoplens.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.jobs.JobContexts;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.spark.SparkSessions;

/**
 * The desktop app's engine on a Spark Connect server (Preferences ▸ Engine ▸ Spark Connect): the
 * server is Spark's Connect service started in this test JVM on the shared local session, on a
 * loopback port, and the app's engine talks to it over gRPC with a Connect session of its own.
 * What the views ask is answered as the local engine answers it, and Cancel interrupts the job's
 * operations on the server.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ConnectEngineTest {

    @TempDir
    static Path shared;
    private static SparkSession local;
    private static SparkSession remote;

    @BeforeAll
    static void startServer() {
        local = SparkSessions.shared(SparkEngineAppTest.LOCAL);
        SparkConf conf = SparkEnv.get().conf();
        conf.set("spark.connect.grpc.binding.address", "127.0.0.1");
        conf.set("spark.connect.grpc.binding.port", "0");
        SparkConnectService$.MODULE$.start(local.sparkContext());
        int port = SparkConnectService$.MODULE$.bindingAddress().getPort();
        remote = SparkSessions.create(SparkEngineAppTest.LOCAL.withRemote("sc://127.0.0.1:" + port));
    }

    @AfterAll
    static void stopServer() {
        if (remote != null) {
            remote.stop();
        }
        SparkConnectService$.MODULE$.stop(scala.Option.empty(), scala.Option.empty());
    }

    @Test
    void theViewsOverConnectShowWhatTheLocalEngineShows() throws Exception {
        Path folder = shared.resolve("ws");
        List<String> analyses = List.of("sessions", "ads", "gmv", "funnel");
        SessionFilter women = SessionFilter.NONE.withSexes(List.of("female"));
        List<AnalysisResult> overConnect = new CopyOnWriteArrayList<>();
        try (SparkEngineService engine = new SparkEngineService(folder, () -> remote, false)) {
            engine.importFiles(SparkEngineAppTest.sampleFiles(), JobContext.NONE);
            engine.warmUp();
            assertThat(engine.overview(women, JobContext.NONE).sessions()).isPositive();
            for (String analysis : analyses) {
                overConnect.add(engine.run(RunRequest.defaults(List.of(analysis)).withFilter(women), JobContext.NONE));
            }
        }
        try (SparkEngineService engine = new SparkEngineService(folder, () -> local, false)) {
            for (int i = 0; i < analyses.size(); i++) {
                AnalysisResult here = engine.run(RunRequest.defaults(List.of(analyses.get(i))).withFilter(women),
                        JobContext.NONE);
                assertThat(overConnect.get(i)).as(analyses.get(i)).isEqualTo(here);
                assertThat(here.tables()).as(analyses.get(i)).anySatisfy(t -> assertThat(t.rows()).isNotEmpty());
            }
        }
    }

    @Test
    void cancelInterruptsTheJobsOperationsOnTheServer() throws Exception {
        // A job the test cancels, as the app's job runner does when the user presses Cancel.
        JobContexts.Context job = JobContexts.create("connect engine test", (done, total) -> { }, text -> { });
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            // Long enough to still run when cancelled: a sum over 10^12 rows, sent from a thread the
            // job starts, as the engine sends Spark's part of a request beside its in-memory part.
            Future<Object> running = worker.submit(() -> SparkJobScope.run(remote, new SparkProgressBridge(), job,
                    "long sum", () -> {
                        FutureTask<Object> sum = new FutureTask<>(
                                () -> remote.range(0, 1_000_000_000_000L, 1, 2).selectExpr("sum(id)").collectAsList());
                        new Thread(sum, "beside").start();
                        return sum.get();
                    }));
            // The server runs on this JVM's SparkContext: its job shows there once it started.
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> local.sparkContext().statusTracker().getActiveJobIds().length > 0);

            job.cancel();

            assertThatThrownBy(() -> running.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            // The tag left the worker thread with the job: its next operation is nobody's to cancel.
            assertThat(worker.submit(() -> remote.getTags().isEmpty()).get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            worker.shutdownNow();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> local.sparkContext().statusTracker().getActiveJobIds().length == 0);
        }
    }
}
