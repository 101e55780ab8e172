package io.shoplens.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.spark.SparkConf;
import org.apache.spark.deploy.master.Master;
import org.apache.spark.deploy.worker.Worker;
import org.apache.spark.rpc.RpcEnv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import scala.Option;
import scala.Tuple3;

import io.shoplens.engine.spark.EndpointCheck.MasterState;
import io.shoplens.engine.spark.EndpointCheck.Outcome;

/**
 * The check against Spark 4.2's own standalone master, started in this JVM on loopback: its RPC
 * port keeps quiet (so it is not taken for a server that speaks first) and its status page is
 * read as a master's, before and after a worker registers.
 */
class RealMasterCheckTest {

    @Test
    void sparksOwnMasterIsConfirmedWithWhatItOffers(@TempDir Path workDir) throws InterruptedException {
        SparkConf conf = new SparkConf(false).set("spark.master.rest.enabled", "false");
        Tuple3<RpcEnv, Object, Option<Object>> started = Master.startRpcEnvAndEndpoint("127.0.0.1", 0, 0, conf);
        RpcEnv rpc = started._1();
        try {
            int port = rpc.address().port();
            int webUiPort = (Integer) started._2();

            EndpointCheck check = EndpointChecks.master("127.0.0.1", port, webUiPort, Duration.ofSeconds(10));
            EndpointCheck elsewhere = EndpointChecks.master("127.0.0.1", port, webUiPort + 1, Duration.ofSeconds(10));

            assertThat(check.outcome()).isEqualTo(Outcome.MASTER_CONFIRMED);
            assertThat(check.master()).isEqualTo(new MasterState("spark://127.0.0.1:" + port, "ALIVE", 0, 0, 0, 0));
            assertThat(elsewhere.outcome()).isEqualTo(Outcome.PORT_OPEN);

            // A worker of 1 core and 512 MB registers: the page's counts are the ones read.
            RpcEnv worker = Worker.startRpcEnvAndEndpoint("127.0.0.1", 0, 0, 1, 512,
                    new String[] {"spark://127.0.0.1:" + port}, workDir.toString(), Option.empty(), conf,
                    Option.empty());
            try {
                EndpointCheck withWorker = check;
                for (int i = 0; i < 120 && withWorker.master().aliveWorkers() == 0; i++) {
                    Thread.sleep(500);
                    withWorker = EndpointChecks.master("127.0.0.1", port, webUiPort, Duration.ofSeconds(10));
                }
                assertThat(withWorker.master()).isEqualTo(
                        new MasterState("spark://127.0.0.1:" + port, "ALIVE", 1, 1, 0, 512));
            } finally {
                worker.shutdown();
                worker.awaitTermination();
            }
        } finally {
            rpc.shutdown();
            rpc.awaitTermination();
        }
    }
}
