package io.shoplens.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on a real Spark standalone cluster (a master and two workers on loopback, started by
 * {@code scripts/cluster-rig.sh}) gives byte for byte the tables and report of a local run.
 * Both runs are separate {@code ./shoplens} processes, as a user runs them; a run on the cluster
 * must also have started an executor on each worker, so a {@code --master} that was ignored fails.
 * With the workspace's data on HDFS ({@code scripts/hdfs-rig.sh}) the workspace folder holds no
 * Parquet at all, so the executors can only have read it, and written the session model, there.
 *
 * <p>Run with {@code mvn -B -pl engine -Pcluster verify}; needs the packaged engine (the verify
 * phase builds it first).
 */
class StandaloneClusterIT {

    private static final Path ROOT = Path.of(System.getProperty("shoplens.root", "..")).toAbsolutePath().normalize();
    private static final Path RIG = Path.of(System.getProperty("shoplens.rig.dir", "target/cluster-it-rig")).toAbsolutePath();
    private static final Path SAMPLES = ROOT.resolve("sample-logs/shop");
    private static final List<Path> WORKERS = List.of(RIG.resolve("worker-1"), RIG.resolve("worker-2"));

    private static final List<String> ANALYZE_FILES = AnalyzeFiles.ALL;

    @TempDir
    static Path work;

    private static String master;
    private static String hdfs;

    @BeforeAll
    static void startRig() throws Exception {
        List<String> printed = Files.readAllLines(run(work.resolve("rig-start.log"), null,
                ROOT.resolve("scripts/cluster-rig.sh").toString(), "start"));
        master = printed.get(printed.size() - 1).trim();
        assertTrue(master.matches("spark://127\\.0\\.0\\.1:\\d+"), "master URL: " + master);
        printed = Files.readAllLines(run(work.resolve("hdfs-start.log"), null,
                ROOT.resolve("scripts/hdfs-rig.sh").toString(), "start"));
        hdfs = printed.get(printed.size() - 1).trim();
        assertTrue(hdfs.matches("hdfs://127\\.0\\.0\\.1:\\d+"), "HDFS URI: " + hdfs);
    }

    @AfterAll
    static void stopRig() throws Exception {
        run(work.resolve("rig-stop.log"), null, ROOT.resolve("scripts/cluster-rig.sh").toString(), "stop");
        run(work.resolve("hdfs-stop.log"), null, ROOT.resolve("scripts/hdfs-rig.sh").toString(), "stop");
    }

    @Test
    void analyzeOnTheClusterWritesTheLocalTables() throws Exception {
        Path local = work.resolve("analyze-local");
        Path cluster = work.resolve("analyze-cluster");
        shoplens("analyze-local", null, "analyze", "--input", SAMPLES.toString(), "--out", local.toString());
        onBothWorkers(() -> shoplens("analyze-cluster", null, "analyze", "--master", master,
                "--input", SAMPLES.toString(), "--out", cluster.toString()));

        assertEquals(ANALYZE_FILES, AnalyzeFiles.filesUnder(local));
        AnalyzeFiles.assertSameFiles(local, cluster);
    }

    @Test
    void analyzeOnTheClusterWithTheDataOnHdfsWritesTheLocalTables() throws Exception {
        Path local = work.resolve("hdfs-analyze-local");
        Path cluster = work.resolve("hdfs-analyze-cluster");
        Path workspace = work.resolve("hdfs-analyze-ws");
        shoplens("hdfs-analyze-local", null, "analyze", "--input", SAMPLES.toString(), "--out", local.toString());
        onBothWorkers(() -> shoplens("hdfs-analyze-cluster", null, "analyze", "--master", master,
                "--workspace", workspace.toString(), "--data", hdfs + "/shoplens/analyze",
                "--input", SAMPLES.toString(), "--out", cluster.toString()));

        assertEquals(ANALYZE_FILES, AnalyzeFiles.filesUnder(local));
        AnalyzeFiles.assertSameFiles(local, cluster);
        assertEquals(List.of(), parquetUnder(workspace));
    }

    @Test
    void shellOnTheClusterStoresItsModelOnHdfsAndWritesTheLocalTables() throws Exception {
        Path workspace = work.resolve("hdfs-shell-ws");
        shoplens("hdfs-shell-import", null, "import", "--workspace", workspace.toString(),
                "--data", hdfs + "/shoplens/shell", SAMPLES.toString());
        Path local = work.resolve("hdfs-shell-local");
        Path cluster = work.resolve("hdfs-shell-cluster");
        Path stdin = work.resolve("hdfs-shell.in");
        Files.writeString(stdin, "--analysis sessions,pages,products,funnel --out " + cluster + "\n");
        // No model held in the driver: the executors make it and write it to HDFS, as for a
        // workspace too big for the driver's heap.
        onBothWorkers(() -> shoplens("hdfs-shell-cluster", stdin, Map.of("SHOPLENS_HEAP",
                "-XX:MaxRAMPercentage=25 -Dshoplens.memory.maxActions=0"), "shell", "--master", master,
                "--workspace", workspace.toString()));
        shoplens("hdfs-shell-local", null, "analyze", "--analysis", "sessions,pages,products,funnel",
                "--input", SAMPLES.toString(), "--out", local.toString());

        String answer = Files.readString(work.resolve("hdfs-shell-cluster.out")).trim();
        assertTrue(answer.startsWith("{\"ok\":true"), "the shell answered " + answer);
        Files.delete(local.resolve("rejected.csv"));
        AnalyzeFiles.assertSameFiles(local, cluster);
        assertEquals(List.of(), parquetUnder(workspace));
        FileSystem fs = FileSystem.get(URI.create(hdfs), new Configuration());
        FileStatus[] models = fs.listStatus(new org.apache.hadoop.fs.Path(hdfs + "/shoplens/shell/model"));
        assertEquals(1, models.length, "one model on HDFS");
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(models[0].getPath(), "sessions/_SUCCESS")));
    }

    @Test
    void reportOnTheClusterIsTheLocalReport() throws Exception {
        Path local = work.resolve("report-local.html");
        Path cluster = work.resolve("report-cluster.html");
        shoplens("report-local", null, "report", "--input", SAMPLES.toString(), "--out", local.toString());
        onBothWorkers(() -> shoplens("report-cluster", null, "report", "--master", master,
                "--input", SAMPLES.toString(), "--out", cluster.toString()));

        // Two reports of the same run differ only in their creation time.
        String localHtml = withoutCreationTime(Files.readString(local));
        assertTrue(localHtml.contains("<table"), "the report holds tables");
        assertEquals(localHtml, withoutCreationTime(Files.readString(cluster)));
    }

    @Test
    void shellOnTheClusterWritesTheLocalTables() throws Exception {
        Map<String, String> answers = new HashMap<>();
        for (String mode : List.of("local", "cluster")) {
            Path workspace = work.resolve("shell-ws-" + mode);
            shoplens("shell-import-" + mode, null, "import", "--workspace", workspace.toString(), SAMPLES.toString());
            Path out = work.resolve("shell-" + mode);
            Path stdin = work.resolve("shell-" + mode + ".in");
            Files.writeString(stdin, "--out " + out + "\n");
            if (mode.equals("cluster")) {
                onBothWorkers(() -> shoplens("shell-" + mode, stdin, "shell", "--master", master,
                        "--workspace", workspace.toString()));
            } else {
                shoplens("shell-" + mode, stdin, "shell", "--workspace", workspace.toString());
            }
            answers.put(mode, Files.readString(work.resolve("shell-" + mode + ".out")).trim());
        }
        for (String mode : List.of("local", "cluster")) {
            assertTrue(answers.get(mode).startsWith("{\"ok\":true"), mode + " shell answered " + answers.get(mode));
        }
        Path local = work.resolve("shell-local");
        List<String> tables = new ArrayList<>(ANALYZE_FILES);
        tables.remove("rejected.csv");
        assertEquals(tables, AnalyzeFiles.filesUnder(local));
        AnalyzeFiles.assertSameFiles(local, work.resolve("shell-cluster"));
    }

    @FunctionalInterface
    private interface ClusterRun {
        void run() throws Exception;
    }

    /** Runs {@code run} and checks that each worker started an executor for it (a new application folder). */
    private static void onBothWorkers(ClusterRun run) throws Exception {
        List<Set<String>> before = new ArrayList<>();
        for (Path worker : WORKERS) {
            before.add(applicationsOf(worker));
        }
        run.run();
        for (int i = 0; i < WORKERS.size(); i++) {
            Set<String> added = applicationsOf(WORKERS.get(i));
            added.removeAll(before.get(i));
            assertEquals(1, added.size(), "executors started on " + WORKERS.get(i) + ": " + added);
        }
    }

    private static Set<String> applicationsOf(Path worker) throws IOException {
        Set<String> apps = new TreeSet<>();
        if (Files.isDirectory(worker)) {
            try (Stream<Path> entries = Files.list(worker)) {
                entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("app-")).forEach(apps::add);
            }
        }
        return apps;
    }

    private static String withoutCreationTime(String html) {
        return html.replaceAll("Created <time>[^<]*</time>", "Created <time></time>");
    }

    private static List<String> parquetUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(Path::toString).filter(p -> p.endsWith(".parquet")).toList();
        }
    }

    /** {@code ./shoplens ARGS}: standard output to {@code <name>.out}, errors to {@code <name>.log}. */
    private static void shoplens(String name, Path stdin, String... args) throws Exception {
        shoplens(name, stdin, Map.of(), args);
    }

    /** As {@link #shoplens(String, Path, String...)}, with {@code env} added to its environment. */
    private static void shoplens(String name, Path stdin, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("shoplens").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".log").toFile());
        // A master set for the user must not turn the local run into a cluster run.
        builder.environment().remove("SHOPLENS_SPARK_MASTER");
        builder.environment().putAll(env);
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        AnalyzeFiles.await(builder.start(), command, work.resolve(name + ".log"));
    }

    /** Runs a command with its output in {@code log}; returns {@code log}. */
    private static Path run(Path log, Path stdin, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("SHOPLENS_RIG_DIR", RIG.toString());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        AnalyzeFiles.await(builder.start(), List.of(command), log);
        return log;
    }

}
