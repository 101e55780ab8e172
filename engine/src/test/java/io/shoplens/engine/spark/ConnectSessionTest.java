package io.shoplens.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connect.service.SparkConnectService$;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.TestSpark;

/**
 * A session made with {@code withRemote} is a Spark Connect session that runs the engine's
 * DataFrame code on the server. The server is Spark's Connect service started inside this test
 * JVM on the shared local session's SparkContext (cheap: a gRPC port on loopback), so the client
 * talks to it over gRPC as it would to a remote one.
 */
class ConnectSessionTest {

    private static SparkSession remote;

    /** Page views: s1 1,2,3; s2 1,2; s3 2 then 1. */
    private static final String[] VISITS = {
        "2019-07-17|1|s1|1|2019-07-17 10:00:00", "2019-07-17|1|s1|2|2019-07-17 10:00:05",
        "2019-07-17|1|s1|3|2019-07-17 10:00:10",
        "2019-07-17|1|s2|1|2019-07-17 10:00:00", "2019-07-17|1|s2|2|2019-07-17 10:00:01",
        "2019-07-17|1|s3|2|2019-07-17 10:00:00", "2019-07-17|1|s3|1|2019-07-17 10:00:01",
    };

    @BeforeAll
    static void startServer() {
        SparkSession local = TestSpark.session();
        // The service reads where to listen from the running SparkEnv's settings: loopback, a free port.
        SparkConf conf = SparkEnv.get().conf();
        conf.set("spark.connect.grpc.binding.address", "127.0.0.1");
        conf.set("spark.connect.grpc.binding.port", "0");
        SparkConnectService$.MODULE$.start(local.sparkContext());
        int port = SparkConnectService$.MODULE$.bindingAddress().getPort();
        remote = SparkSessions.create(TestSpark.SETTINGS.withRemote("sc://127.0.0.1:" + port));
    }

    @AfterAll
    static void stopServer() {
        if (remote != null) {
            remote.stop();
        }
        SparkConnectService$.MODULE$.stop(scala.Option.empty(), scala.Option.empty());
    }

    @Test
    void remoteSettingsMakeAConnectSessionWithTheEngineSqlSettings() {
        assertThat(SparkSessions.isRemote(remote)).isTrue();
        assertThat(SparkSessions.isRemote(TestSpark.session())).isFalse();
        // Results depend on these: they must reach the server's session.
        assertThat(remote.conf().get("spark.sql.session.timeZone")).isEqualTo("UTC");
        assertThat(remote.conf().get("spark.sql.ansi.enabled")).isEqualTo("false");
        assertThat(remote.conf().get("spark.sql.shuffle.partitions")).isEqualTo("2");
    }

    @Test
    void pageConversionOverConnectCountsAsLocally() {
        AnalysisResult overConnect = pages(remote);

        // Views of 1: s1, s2, s3. 1->2: s1, s2; 2->3: s1. Funnel: 1 reached by 3, then 2 by s1 and s2
        // (s3 saw 2 before 1), 3 by s1.
        assertThat(overConnect.table("page_jumps").rows()).containsExactly(
                List.of(1L, 1L, 2L, 2L, 2.0 / 3, 2.0 / 3),
                List.of(2L, 2L, 3L, 1L, 1.0 / 2, 1.0 / 3));
        assertThat(overConnect.table("session_funnel").rows()).containsExactly(
                List.of(1L, 1L, 3L, 1.0), List.of(2L, 2L, 2L, 2.0 / 3), List.of(3L, 3L, 1L, 1.0 / 3));
    }

    @Test
    void aBadUrlIsNamed() {
        assertThatThrownBy(() -> SparkSessions.create(TestSpark.SETTINGS.withRemote("http://127.0.0.1:1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sc://HOST:PORT");
    }

    private static AnalysisResult pages(SparkSession spark) {
        LogTables tables = LogTables.empty(spark).withActions(Fixtures.actions(spark, VISITS));
        return PageConversionAnalysis.run(AnalysisInput.of(tables, SessionFilter.NONE),
                new PageParams(List.of(1L, 2L, 3L), Optional.empty()));
    }
}
