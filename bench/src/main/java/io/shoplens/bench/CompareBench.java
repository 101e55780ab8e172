package io.shoplens.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.bench.PeakHeap;
import io.shoplens.engine.cli.BenchCommand;
import io.shoplens.engine.generate.GenerateProgress;
import io.shoplens.engine.generate.GeneratedFile;
import io.shoplens.engine.generate.LogGenerator;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.spark.Versions;
import io.shoplens.engine.workspace.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench-compare.sh}: ShopLens, DuckDB and the classic RDD code side by side on the
 * same generated logs, in one JVM, in turns (the order of the systems changes every repeat, so
 * none always runs first on a cold cache or last on a hot one). It checks that every system
 * computed the same numbers as ShopLens before it prints any time, then prints medians, ratios
 * and peak memory as a Markdown table (also written to {@code DIR/compare.md}).
 */
@Command(name = "bench-compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "ShopLens vs DuckDB vs RDD groupByKey on N generated actions: agreement, then times.")
public final class CompareBench implements Callable<Integer> {

    static final int EXIT_DISAGREE = 4;

    /** Indexes into {@link SideBySide#SYSTEMS}; every ordered pair of neighbours occurs once. */
    private static final int[][] WILLIAMS_SQUARE = {{0, 1, 3, 2}, {1, 2, 0, 3}, {2, 3, 1, 0}, {3, 0, 2, 1}};

    @Option(names = "--actions", paramLabel = "N", defaultValue = "1000000",
            description = "About how many user actions to generate (default: ${DEFAULT-VALUE}; 10000000 for the 10M run).")
    long actions;

    @Option(names = "--repeat", paramLabel = "K", defaultValue = "3",
            description = "Rounds; each round runs every system once, medians over rounds (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1",
            description = "Rounds run first and checked but not counted (default: ${DEFAULT-VALUE}): the JIT"
                    + " compiles Spark's and ShopLens's code in them, which DuckDB's native code never needs."
                    + " Their times are reported apart, as the cold start a one-off CLI run pays.")
    int warmup;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Working folder for logs and workspace, kept and reused when it already holds them"
                    + " (default: a temporary folder, deleted after).")
    Path dir;

    @Option(names = "--no-import", description = "Skip ShopLens's timed import into a fresh workspace (DuckDB (CSV)"
            + " always loads its CSV, and that load is its import step).")
    boolean noImport;

    @Option(names = "--systems", split = ",", paramLabel = "LIST",
            description = "Which systems besides ShopLens to run: duckdb-csv, duckdb-parquet, rdd (default: all;"
                    + " leave out rdd, the slowest, for a quick run).")
    List<String> systems = List.of("duckdb-csv", "duckdb-parquet", "rdd");

    @Option(names = "--heap-note", paramLabel = "TEXT", defaultValue = "",
            description = "Free text recorded with the results, e.g. the -Xmx the script passed.")
    String heapNote;

    public static void main(String[] args) {
        int code = new CommandLine(new CompareBench()).execute(args);
        SparkSessions.stop();
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(System.out, true);
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("shoplens-compare-") : Files.createDirectories(dir);
        try (Steps steps = new Steps()) {
            String header = String.format("%s, DuckDB %s, %d cores, max heap %d MB %s", Versions.summary(),
                    duckDbVersion(), Runtime.getRuntime().availableProcessors(), PeakHeap.maxBytes() >> 20, heapNote);
            out.println("bench-compare: " + header);
            Path logs = work.resolve("logs");
            Path wsFolder = work.resolve("workspace");
            if (!Files.isRegularFile(logs.resolve("user_visit_action.csv"))) {
                long t = System.nanoTime();
                List<GeneratedFile> files = new LogGenerator(BenchCommand.settingsFor(actions)).writeTo(logs,
                        GenerateProgress.NONE);
                out.printf("generated %,d user actions in %.1f s%n", files.stream()
                        .filter(f -> f.kind() == LogKind.USER_VISIT_ACTION).mapToLong(GeneratedFile::rows).sum(),
                        (System.nanoTime() - t) / 1e9);
            }
            try (Workspace ws = Workspace.open(wsFolder)) {
                if (ws.datasets().all().isEmpty()) {
                    Importer.importFiles(ws, List.of(logs), ImportOptions.defaults(), (f, m) -> { },
                            CancellationToken.none());
                }
                long rows = ws.datasets().all().stream().filter(d -> d.kind() == LogKind.USER_VISIT_ACTION)
                        .mapToLong(d -> d.rowsAccepted()).sum();
                out.printf("workspace %s: %,d user actions%n", wsFolder, rows);
                SparkSession spark = SparkSessions.shared(SparkSettings.fromEnvironment());
                SideBySide systems = new SideBySide(spark, logs, ws);
                int rounds = warmup + repeat;
                for (int r = 1; r <= rounds; r++) {
                    steps.repeat(r);
                    Map<String, Map<String, ResultTable>> results = new LinkedHashMap<>();
                    for (String system : turnOrder(r)) {
                        if (!selected(system)) {
                            continue;
                        }
                        out.printf("round %d%s: %s%n", r, r <= warmup ? " (warm-up)" : "", system);
                        // The previous system's garbage is collected here, not on this one's time
                        // (bench-compare.sh keeps the heap from shrinking after it).
                        System.gc();
                        results.put(system, runOne(system, systems, steps, work.resolve("import-" + r)));
                    }
                    Map<String, ResultTable> shopLens = results.remove(SideBySide.SHOPLENS);
                    List<String> differences = Agreement.check(shopLens, results);
                    if (!differences.isEmpty()) {
                        System.err.println("bench-compare: the systems DISAGREE, no times reported:");
                        differences.forEach(d -> System.err.println("  " + d));
                        return EXIT_DISAGREE;
                    }
                    out.printf("round %d: all systems agree on %d tables%n", r,
                            results.values().stream().mapToInt(Map::size).sum());
                    // Written after every round, so a run cut short still leaves its rounds' figures.
                    if (r <= warmup) {
                        continue;
                    }
                    String title = "# bench-compare, " + String.format("%,d", rows) + " user actions, " + (r - warmup)
                            + " of " + repeat + " rounds (median) after " + warmup + " warm-up round(s)\n\n" + header;
                    String report = report(title, warmup, steps.samples());
                    Files.writeString(work.resolve("compare.md"), report);
                    if (r == rounds) {
                        out.println();
                        out.println(report);
                    }
                }
            }
            return 0;
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
    }

    /** The counted rounds' medians, then the warm-up rounds' on their own. */
    static String report(String title, int warmup, List<Steps.Sample> samples) {
        List<Steps.Sample> timed = samples.stream().filter(s -> s.repeat() > warmup).toList();
        List<Steps.Sample> cold = samples.stream().filter(s -> s.repeat() <= warmup).toList();
        String md = title + "\n\n" + CompareReport.markdown(timed);
        if (!cold.isEmpty()) {
            md += "\n## Warm-up round(s): cold JVM, not counted above\n\n" + CompareReport.markdown(cold);
        }
        return md;
    }

    private boolean selected(String system) {
        return switch (system) {
            case SideBySide.DUCKDB_CSV -> systems.contains("duckdb-csv");
            case SideBySide.DUCKDB_PARQUET -> systems.contains("duckdb-parquet");
            case SideBySide.RDD -> systems.contains("rdd");
            default -> true;
        };
    }

    /**
     * The systems' order in round {@code round} (1-based): the rows of a Williams square, used in
     * turn. Each system runs first once in four rounds, and each one follows each other one once,
     * so no system is always timed right after the same neighbour. A plain rotation keeps the
     * cyclic order: ShopLens would run right after the RDD code in every counted round, and pay for
     * what that code leaves behind in the shared JVM (its heap peaks at 10 GB at 10M actions).
     */
    static List<String> turnOrder(int round) {
        List<String> order = new ArrayList<>();
        for (int i : WILLIAMS_SQUARE[(round - 1) % WILLIAMS_SQUARE.length]) {
            order.add(SideBySide.SYSTEMS.get(i));
        }
        return order;
    }

    private Map<String, ResultTable> runOne(String system, SideBySide systems, Steps steps, Path importFolder)
            throws Exception {
        switch (system) {
            case SideBySide.SHOPLENS -> {
                if (!noImport) {
                    systems.shopLensImport(steps, importFolder);
                    deleteTree(importFolder);
                }
                return systems.shopLens(steps);
            }
            case SideBySide.DUCKDB_CSV -> {
                return systems.duckDbCsv(steps);
            }
            case SideBySide.DUCKDB_PARQUET -> {
                return systems.duckDbParquet(steps);
            }
            case SideBySide.RDD -> {
                return systems.rdd(steps);
            }
            default -> throw new IllegalArgumentException(system);
        }
    }

    private static String duckDbVersion() {
        try (var db = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var rs = db.createStatement().executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            return "(version unknown: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
