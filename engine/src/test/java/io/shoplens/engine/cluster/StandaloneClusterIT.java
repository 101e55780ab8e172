package io.shoplens.engine.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on a real Spark standalone cluster (a master and two workers on loopback, started by
 * {@code scripts/cluster-rig.sh}) gives byte for byte the tables and report of a local run.
 * Both runs are separate {@code ./shoplens} processes, as a user runs them; a run on the cluster
 * must also have started an executor on each worker, so a {@code --master} that was ignored fails.
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

    @BeforeAll
    static void startRig() throws Exception {
        List<String> printed = Files.readAllLines(run(work.resolve("rig-start.log"), null,
                ROOT.resolve("scripts/cluster-rig.sh").toString(), "start"));
        master = printed.get(printed.size() - 1).trim();
        assertTrue(master.matches("spark://127\\.0\\.0\\.1:\\d+"), "master URL: " + master);
    }

    @AfterAll
    static void stopRig() throws Exception {
        run(work.resolve("rig-stop.log"), null, ROOT.resolve("scripts/cluster-rig.sh").toString(), "stop");
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

    /** {@code ./shoplens ARGS}: standard output to {@code <name>.out}, errors to {@code <name>.log}. */
    private static void shoplens(String name, Path stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("shoplens").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(work.resolve(name + ".out").toFile())
                .redirectError(work.resolve(name + ".log").toFile());
        // A master set for the user must not turn the local run into a cluster run.
        builder.environment().remove("SHOPLENS_SPARK_MASTER");
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
