package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


import io.shoplens.engine.model.ModelStore;
import io.shoplens.engine.run.WorkspaceEngine;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.Workspace;

/**
 * A workspace whose Parquet lives on HDFS (a name node and a data node in this JVM, on loopback)
 * while its catalog stays in a local folder: the CLI imports there through Hadoop's file-system
 * API, and every table it writes is byte for byte the one a local workspace gives. A cluster's
 * executors read such a workspace without sharing a disk with the user's machine.
 */
class HdfsWorkspaceTest {

    private static final Path SHOP = Path.of("..", "sample-logs", "shop");

    @TempDir
    static Path dir;

    private static MiniDFSCluster hdfs;
    private static FileSystem fs;
    private static String root;
    private static Path localOut;
    private static Path hdfsOut;
    private static Path hdfsWorkspace;

    @BeforeAll
    static void importTheSampleLocallyAndOnHdfs() throws Exception {
        TestSpark.session();
        Configuration conf = new Configuration();
        // No web UI on a public port: only the RPC and data ports, on loopback.
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        hdfs = new MiniDFSCluster.Builder(conf, dir.resolve("hdfs").toFile()).numDataNodes(1).build();
        hdfs.waitActive();
        fs = hdfs.getFileSystem();
        root = hdfs.getURI() + "/shoplens/shop";

        localOut = dir.resolve("out-local");
        hdfsOut = dir.resolve("out-hdfs");
        hdfsWorkspace = dir.resolve("ws-hdfs");
        CliRun local = CliRun.of("analyze", "--workspace", dir.resolve("ws-local").toString(), "--input", SHOP.toString(),
                "--out", localOut.toString());
        assertThat(local.code()).as(local.err()).isZero();
        CliRun remote = CliRun.of("analyze", "--workspace", hdfsWorkspace.toString(), "--data", root, "--input",
                SHOP.toString(), "--out", hdfsOut.toString());
        assertThat(remote.code()).as(remote.err()).isZero();
        assertThat(remote.err()).as("the copy to HDFS is shown as it happens").contains("Copying into " + root);
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
        // The name node's RPC server adds Hadoop's own SASL PLAIN server to the JVM's security
        // providers and leaves it there; it would then answer for a Kafka broker started later in
        // this test JVM (KafkaConnectionTesterTest's SASL listener), and refuse every password.
        // Only a process running an HDFS server has it: ShopLens itself is a client.
        for (Provider provider : Security.getProviders()) {
            if (provider.getClass().getName().startsWith("org.apache.hadoop.")) {
                Security.removeProvider(provider.getName());
            }
        }
    }

    @Test
    void everyTableFromTheHdfsWorkspaceIsTheLocalOne() throws IOException {
        List<String> tables = filesUnder(localOut);
        assertThat(tables).hasSizeGreaterThan(30).contains("sessions/top_sessions.csv", "ads/blacklist.csv",
                "audience/tags.csv", "gmv/gmv_cube.csv");
        assertThat(filesUnder(hdfsOut)).isEqualTo(tables);
        for (String table : tables) {
            assertThat(Files.readAllBytes(hdfsOut.resolve(table))).as(table)
                    .isEqualTo(Files.readAllBytes(localOut.resolve(table)));
        }
    }

    @Test
    void theParquetIsOnHdfsAndOnlyTheCatalogIsLocal() throws IOException {
        try (Workspace ws = Workspace.open(hdfsWorkspace)) {
            assertThat(ws.data().root()).isEqualTo(root);
            List<DatasetInfo> datasets = ws.datasets().all();
            assertThat(datasets).hasSize(6);
            for (DatasetInfo d : datasets) {
                assertThat(d.dataLocation()).isEqualTo(root + "/data/" + d.id());
                assertThat(parquetUnder(d.dataLocation())).as(d.kind().id()).isNotEmpty();
            }
        }
        assertThat(Files.exists(hdfsWorkspace.resolve("workspace.db"))).isTrue();
        CliRun listed = CliRun.of("datasets", "--workspace", hdfsWorkspace.toString());
        assertThat(listed.out()).contains("user_visit_action").endsWith("data kept in " + root + System.lineSeparator());
        try (Stream<Path> local = Files.walk(hdfsWorkspace)) {
            assertThat(local.filter(p -> p.toString().endsWith(".parquet")).toList()).isEmpty();
        }
    }

    @Test
    void theWarmEngineStoresItsSessionModelOnHdfsAndAnswersAsTheLocalRun() throws IOException {
        Path out = dir.resolve("out-shell");
        String key;
        // No model held in this JVM: Spark makes it and the store writes it beside the data.
        try (Workspace ws = Workspace.open(hdfsWorkspace);
             WorkspaceEngine engine = new WorkspaceEngine(ws, TestSpark.session(), 0)) {
            String answer = ShellCommand.answer(engine, "--analysis sessions,funnel --out " + out);
            assertThat(answer).contains("\"ok\":true");
            key = new ModelStore(ws).currentKey();
        }
        assertThat(parquetUnder(root + "/model/" + key + "/sessions")).isNotEmpty();
        assertThat(parquetUnder(root + "/model/" + key + "/users")).isNotEmpty();
        for (String table : List.of("sessions/top_sessions.csv", "sessions/visit_length.csv",
                "funnel/funnel_steps.csv", "funnel/funnel_dropoff.csv")) {
            assertThat(Files.readAllBytes(out.resolve(table))).as(table)
                    .isEqualTo(Files.readAllBytes(localOut.resolve(table)));
        }
    }

    @Test
    void removingADatasetRemovesItsFolderFromHdfs() throws IOException {
        Path folder = dir.resolve("ws-remove");
        String data = hdfs.getURI() + "/shoplens/remove";
        CliRun imported = CliRun.of("import", "--workspace", folder.toString(), "--data", data,
                SHOP.resolve("city_info.csv").toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        try (Workspace ws = Workspace.open(folder)) {
            DatasetInfo city = ws.datasets().all().get(0);
            assertThat(fs.exists(new org.apache.hadoop.fs.Path(city.dataLocation()))).isTrue();
            ws.datasets().remove(city.id());
            assertThat(ws.datasets().all()).isEmpty();
            assertThat(fs.exists(new org.apache.hadoop.fs.Path(city.dataLocation()))).isFalse();
        }
        assertThat(fs.listStatus(new org.apache.hadoop.fs.Path(data + "/data"))).isEmpty();
    }

    @Test
    void openingDeletesTheCopiesOfImportsWhoseProcessIsGoneAndKeepsOthers() throws Exception {
        Path folder = dir.resolve("ws-stale");
        String data = hdfs.getURI() + "/shoplens/stale";
        Workspace.open(folder, data).close();
        String host = InetAddress.getLocalHost().getHostName();
        // No process has pid 2^22 + 1: Linux's largest is 2^22.
        org.apache.hadoop.fs.Path dead = new org.apache.hadoop.fs.Path(data + "/data/.tmp-4194305@" + host + "-" + UUID.randomUUID());
        org.apache.hadoop.fs.Path elsewhere = new org.apache.hadoop.fs.Path(
                data + "/data/.tmp-12@another-host-" + UUID.randomUUID());
        fs.mkdirs(dead);
        fs.mkdirs(elsewhere);

        Workspace.open(folder).close();

        assertThat(fs.exists(dead)).isFalse();
        assertThat(fs.exists(elsewhere)).as("an import on another machine may still be copying").isTrue();
    }

    @Test
    void aWorkspaceKeepsItsDataWhereItIsAndSaysSoWhenAskedForAnotherPlace() throws IOException {
        CliRun moved = CliRun.of("import", "--workspace", hdfsWorkspace.toString(), "--data", hdfs.getURI() + "/elsewhere",
                SHOP.resolve("city_info.csv").toString());
        assertThat(moved.code()).isEqualTo(1);
        assertThat(moved.err()).contains("keeps its 6 dataset(s) in " + root).contains("not in " + hdfs.getURI() + "/elsewhere");
        assertThat(fs.exists(new org.apache.hadoop.fs.Path(hdfs.getURI() + "/elsewhere"))).isFalse();

        CliRun temporary = CliRun.of("analyze", "--data", root, "--input", SHOP.toString(), "--out", dir.resolve("x").toString());
        assertThat(temporary.code()).isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
        assertThat(temporary.err()).contains("--data needs --workspace");
    }


    @Test
    void aDataFolderThatCannotBeReachedIsNamedAndTheWorkspaceStaysAsItWas() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String down = "hdfs://127.0.0.1:" + closed + "/shoplens/down";
        Path folder = dir.resolve("ws-down");
        // One attempt instead of Hadoop's ten, a second apart: the answer is the same.
        System.setProperty("spark.hadoop.ipc.client.connect.max.retries", "0");
        try {
            CliRun refused = CliRun.of("import", "--workspace", folder.toString(), "--data", down,
                    SHOP.resolve("city_info.csv").toString());
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).startsWith("shoplens: Cannot create the data folder " + down + ": ")
                    .contains("Connection refused");
        } finally {
            System.clearProperty("spark.hadoop.ipc.client.connect.max.retries");
        }
        try (Workspace ws = Workspace.open(folder)) {
            assertThat(ws.data().isLocal()).isTrue();
            assertThat(ws.datasets().all()).isEmpty();
        }
    }

    private static List<String> parquetUnder(String location) throws IOException {
        List<String> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(new org.apache.hadoop.fs.Path(URI.create(location)), true);
        while (it.hasNext()) {
            String name = it.next().getPath().getName();
            if (name.endsWith(".parquet")) {
                files.add(name);
            }
        }
        return files;
    }

    private static List<String> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
