package io.shoplens.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on a Spark Connect server (Spark's SparkConnectServer on loopback, started by
 * {@code scripts/connect-rig.sh}) gives byte for byte the tables of a local run. Both runs are
 * separate {@code ./shoplens} processes, as a user runs them; the run with {@code --remote} must
 * also have run its queries on the server (its session shows in the server's log), so a
 * {@code --remote} that was ignored fails.
 *
 * <p>Run with {@code mvn -B -pl engine -Pcluster verify} (with {@link StandaloneClusterIT}); needs
 * the packaged engine (the verify phase builds it first).
 */
class ConnectServerClusterIT {

    private static final Path ROOT = Path.of(System.getProperty("shoplens.root", "..")).toAbsolutePath().normalize();
    private static final Path RIG = Path.of(System.getProperty("shoplens.connect.rig.dir", "target/connect-it-rig"))
            .toAbsolutePath();
    private static final Path SAMPLES = ROOT.resolve("sample-logs/shop");

    private static final List<String> ANALYZE_FILES = AnalyzeFiles.ALL;

    @TempDir
    static Path work;

    private static String remote;

    @BeforeAll
    static void startServer() throws Exception {
        List<String> printed = Files.readAllLines(run(work.resolve("rig-start.log"),
                ROOT.resolve("scripts/connect-rig.sh").toString(), "start"));
        remote = printed.get(printed.size() - 1).trim();
        assertTrue(remote.matches("sc://127\\.0\\.0\\.1:\\d+"), "server URL: " + remote);
    }

    @AfterAll
    static void stopServer() throws Exception {
        run(work.resolve("rig-stop.log"), ROOT.resolve("scripts/connect-rig.sh").toString(), "stop");
    }

    @Test
    void analyzeOverConnectWritesTheLocalTables() throws Exception {
        Path local = localTables();
        Path connect = work.resolve("analyze-connect");
        long sessionsBefore = serverSessions();
        shoplens("analyze-connect", "analyze", "--remote", remote, "--input", SAMPLES.toString(),
                "--out", connect.toString());

        assertTrue(serverSessions() > sessionsBefore, "the server saw no session of the --remote run");
        AnalyzeFiles.assertSameFiles(local, connect);
    }

    /**
     * The server reads the workspace's Parquet from HDFS ({@code scripts/hdfs-rig.sh}): the
     * workspace folder, which the client keeps, holds none.
     */
    @Test
    void analyzeOverConnectWithTheDataOnHdfsWritesTheLocalTables() throws Exception {
        List<String> printed = Files.readAllLines(run(work.resolve("hdfs-start.log"),
                ROOT.resolve("scripts/hdfs-rig.sh").toString(), "start"));
        String hdfs = printed.get(printed.size() - 1).trim();
        try {
            assertTrue(hdfs.matches("hdfs://127\\.0\\.0\\.1:\\d+"), "HDFS URI: " + hdfs);
            Path workspace = work.resolve("hdfs-ws");
            Path connect = work.resolve("analyze-connect-hdfs");
            long sessionsBefore = serverSessions();
            shoplens("analyze-connect-hdfs", "analyze", "--remote", remote, "--workspace", workspace.toString(),
                    "--data", hdfs + "/shoplens/connect", "--input", SAMPLES.toString(), "--out", connect.toString());

            assertTrue(serverSessions() > sessionsBefore, "the server saw no session of the --remote run");
            AnalyzeFiles.assertSameFiles(localTables(), connect);
            try (Stream<Path> files = Files.walk(workspace)) {
                assertEquals(List.of(), files.map(Path::toString).filter(f -> f.endsWith(".parquet")).toList());
            }
        } finally {
            run(work.resolve("hdfs-stop.log"), ROOT.resolve("scripts/hdfs-rig.sh").toString(), "stop");
        }
    }

    /** The tables of a local run of every analysis, made once for the tests that compare with them. */
    private static synchronized Path localTables() throws Exception {
        Path local = work.resolve("analyze-local");
        if (!Files.isDirectory(local)) {
            shoplens("analyze-local", "analyze", "--input", SAMPLES.toString(), "--out", local.toString());
            assertEquals(ANALYZE_FILES, AnalyzeFiles.filesUnder(local));
        }
        return local;
    }

    @Test
    void bothMasterAndRemoteAreAUsageError() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("shoplens").toString(), "analyze",
                "--master", "local[1]", "--remote", remote, "--input", SAMPLES.toString(),
                "--out", work.resolve("both").toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("both.log").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(AnalyzeFiles.PROCESS_LIMIT_MINUTES, TimeUnit.MINUTES));
        assertEquals(2, process.exitValue());
        assertTrue(Files.readString(work.resolve("both.log")).contains("--master and --remote exclude each other"));
    }

    /** Client sessions the server closed so far: one per client that ran here and stopped. */
    private static long serverSessions() throws IOException {
        Path log = RIG.resolve("server.log");
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains("Closing session with userId")).count();
        }
    }

    /** {@code ./shoplens ARGS}: standard output to {@code <name>.out}, errors to {@code <name>.log}. */
    private static void shoplens(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("shoplens").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".log").toFile());
        // A master or server set for the user must not turn the local run into another kind of run.
        builder.environment().remove("SHOPLENS_SPARK_MASTER");
        builder.environment().remove("SHOPLENS_SPARK_REMOTE");
        AnalyzeFiles.await(builder.start(), command, work.resolve(name + ".log"));
    }

    /** Runs a command with its output in {@code log}; returns {@code log}. */
    private static Path run(Path log, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SHOPLENS_CONNECT_RIG_DIR", RIG.toString());
        builder.environment().put("SHOPLENS_HDFS_RIG_DIR", RIG.resolveSibling("connect-it-hdfs-rig").toString());
        AnalyzeFiles.await(builder.start(), List.of(command), log);
        return log;
    }

}
