package io.shoplens.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.bench.PeakHeap;
import io.shoplens.engine.generate.GenerateProgress;
import io.shoplens.engine.generate.GenerateSettings;
import io.shoplens.engine.generate.GeneratedFile;
import io.shoplens.engine.generate.LogFormat;
import io.shoplens.engine.generate.LogGenerator;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.run.AnalysisRunner;
import io.shoplens.engine.run.ColdRun;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.spark.Versions;
import io.shoplens.engine.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoplens bench}: generate N actions, import them, run every analysis, and print the
 * wall time of each step, rows per second and the peak heap. A benchmark, not a test: the
 * figures go to docs/BENCHMARKS.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Times generate → import → analyze all on N generated actions.")
public final class BenchCommand implements Callable<Integer> {

    /** Actions the generator makes per session on average (measured on its defaults). */
    private static final double ACTIONS_PER_SESSION = 14.9;

    @Spec
    CommandSpec spec;

    @Option(names = "--actions", paramLabel = "N", defaultValue = "1000000",
            description = "About how many user actions to generate (default: ${DEFAULT-VALUE}).")
    long actions;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Working folder for the logs and the workspace, kept; run again on the same folder to"
                    + " time the analyses only (default: a temporary folder, deleted after).")
    Path dir;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
    String master;

    @Option(names = "--analysis", split = ",", defaultValue = "all", paramLabel = "LIST",
            description = "Analyses to time (default: all).")
    List<String> analyses = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Run the analyses N times on the imported data (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RunRequest request = RunRequest.defaults(RunRequest.analysesOf(analyses));
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("shoplens-bench-") : Files.createDirectories(dir);
        try {
            GenerateSettings settings = settingsFor(actions);
            out.printf("ShopLens bench: %s, %d cores, max heap %d MB%n", Versions.summary(),
                    Runtime.getRuntime().availableProcessors(), PeakHeap.maxBytes() >> 20);

            boolean reuse = !temporary && Files.isDirectory(work.resolve("workspace"));
            try (Workspace ws = Workspace.open(work.resolve("workspace"))) {
                long generated;
                if (reuse) {
                    // A kept --dir: time the analyses again on the data imported last time.
                    generated = ws.datasets().all().stream().filter(d -> d.kind() == LogKind.USER_VISIT_ACTION)
                            .mapToLong(d -> d.rowsAccepted()).sum();
                    out.printf("reusing %s: %d user actions%n", work.resolve("workspace"), generated);
                } else {
                    PeakHeap.reset();
                    long t0 = System.nanoTime();
                    List<GeneratedFile> files = new LogGenerator(settings).writeTo(work.resolve("logs"),
                            GenerateProgress.NONE);
                    generated = files.stream().filter(f -> f.kind() == LogKind.USER_VISIT_ACTION)
                            .mapToLong(GeneratedFile::rows).sum();
                    step(out, "generate", t0, files.stream().mapToLong(GeneratedFile::rows).sum());

                    PeakHeap.reset();
                    long t1 = System.nanoTime();
                    ImportReport report = Importer.importFiles(ws, List.of(work.resolve("logs")),
                            ImportOptions.defaults(), (f, m) -> { }, CancellationToken.none());
                    step(out, "import", t1, report.read());
                    out.printf("  user actions: %d, rows read %d, accepted %d, rejected %d%n", generated,
                            report.read(), report.accepted(), report.rejected());
                }

                PeakHeap.reset();
                long t2 = System.nanoTime();
                SparkSettings spark = SparkSettings.fromEnvironment();
                SparkSession session = SparkSessions.shared(master == null ? spark : spark.withMaster(master));
                step(out, "spark start", t2, 0);

                LogTables tables = ws.tables(session);
                for (int i = 1; i <= repeat; i++) {
                    PeakHeap.reset();
                    long t3 = System.nanoTime();
                    AnalysisRunner.Outcome outcome = ColdRun.run(tables, request, AnalysisRunner.Listener.NONE);
                    outcome.timingsMillis().forEach((a, ms) -> out.printf("  %-10s %8.1f s  %,12.0f actions/s%n",
                            a, ms / 1000.0, generated / Math.max(0.001, ms / 1000.0)));
                    step(out, "analyze " + String.join(",", request.analyses()) + " #" + i, t3, generated);
                }
            }
            out.flush();
            return ShopLensCli.EXIT_OK;
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
    }

    /**
     * What the bench generates for about {@code actions} user actions: CSV of every kind, 30 days,
     * 1000 products, a user per 10 sessions and an ad click per 10 actions, seed 42. Shared with
     * the comparison benchmark (bench module), so both time the same logs.
     */
    public static GenerateSettings settingsFor(long actions) {
        long sessions = Math.max(1, Math.round(actions / ACTIONS_PER_SESSION));
        int users = (int) Math.max(200, Math.min(1_000_000, sessions / 10));
        return new GenerateSettings(sessions, users, 1000, 30, Math.max(20_000, actions / 10), 42,
                GenerateSettings.DEFAULT_START, List.of(LogFormat.CSV));
    }

    private static void step(PrintWriter out, String name, long startNanos, long rows) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf("%-40s %8.1f s  %s peak heap %,d MB%n", name, seconds,
                rows > 0 ? String.format("%,12.0f rows/s ", rows / seconds) : String.format("%19s", ""),
                PeakHeap.bytes() >> 20);
        out.flush();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
