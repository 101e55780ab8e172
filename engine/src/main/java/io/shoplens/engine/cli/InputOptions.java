package io.shoplens.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.FileReport;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.OnTheFly;
import io.shoplens.engine.run.AnalysisRunner;
import io.shoplens.engine.run.ColdRun;
import io.shoplens.engine.run.HeldImport;
import io.shoplens.engine.run.Memoized;
import io.shoplens.engine.run.RecordedRun;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.Workspace;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The inputs of {@code analyze} and {@code report} and the path they share: check the inputs,
 * import them on the fly (into {@code --workspace}, where the run is recorded, or a temporary
 * workspace), run the analyses, and hand the outcome to the command while the workspace is open.
 */
public final class InputOptions {

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Log file or folder (every supported file inside); repeatable.")
    List<Path> inputs;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Import into this workspace and record the run there (default: a temporary one).")
    Path workspace;

    @Option(names = "--data", paramLabel = "URI", description = DataOption.DESCRIPTION + " Needs --workspace.")
    String data;

    @Mixin
    SparkOptions spark;

    /** What a run produced: the import, the datasets it read (from the catalog) and the results. */
    /** @param tables the run's log tables, for what a use reads beside the results (category names) */
    public record Done(ImportReport imported, List<DatasetInfo> datasets, AnalysisRunner.Outcome outcome,
                       Supplier<LogTables> opened) {

        /** The tables of the import, opened in Spark (started then, if no analysis needed it). */
        public LogTables tables() {
            return opened.get();
        }
    }

    /** Uses a finished run, e.g. writes its CSV files or its report. */
    @FunctionalInterface
    public interface Use {
        void accept(Done done) throws IOException;
    }

    /**
     * Runs {@code request} on the inputs and gives the outcome to {@code use}; returns the exit code.
     * {@code rejectedCsv}, when present, receives the rejected rows.
     */
    int run(CommandSpec spec, RunRequest request, Optional<Path> rejectedCsv, Use use) throws IOException {
        return run(spec, request, rejectedCsv, false, use);
    }

    /** As above; {@code readsTables}: {@code use} reads {@link Done#tables()}, so Spark is started early. */
    int run(CommandSpec spec, RunRequest request, Optional<Path> rejectedCsv, boolean readsTables, Use use)
            throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        SparkSettings settings = this.spark.settings();
        for (Path input : inputs) {
            if (!Files.isReadable(input)) {
                err.println("shoplens: cannot read " + input + (Files.exists(input) ? " (permission denied)" : " (no such file or folder)"));
                return ShopLensCli.EXIT_UNREADABLE_INPUT;
            }
        }
        if (data != null && workspace == null) {
            err.println("shoplens: --data needs --workspace: the catalog of what is kept there stays in that folder");
            return ShopLensCli.EXIT_BAD_ARGUMENTS;
        }
        if (rejectedCsv.isPresent()) {
            Files.createDirectories(rejectedCsv.get().toAbsolutePath().getParent());
        }
        ProgressLine progress = new ProgressLine(err);
        // Kept as imported, so that the analyses need not read it back (a run on a cluster reads it there).
        boolean local = !settings.isRemote() && settings.master().startsWith("local");
        HeldImport held = local ? HeldImport.inThisJvm() : new HeldImport(0);
        // Every analysis answered from what the import keeps: Spark only if that fails.
        boolean inMemory = local && !readsTables && ColdRun.answeredInMemory(request);
        if (!inMemory) {
            // Spark will be needed: it starts while the files are imported, seconds mostly of
            // loading classes that the import's threads leave time for. Else it starts only if
            // what was imported cannot be kept (too many rows for the heap, a file dropped).
            SparkSessions.warmUp(settings);
        }
        try (Workspace ws = workspace == null ? null : Workspace.open(workspace, data)) {
            // Into a throwaway workspace, rows all kept in memory for analyses all answered there:
            // no data files are written. If they could not all be kept, they are imported again.
            boolean keptOnly = inMemory && ws == null && held.mayKeep(inputs);
            OnTheFly imported = keptOnly
                    ? OnTheFly.keptOnly(inputs, ImportOptions.defaults(), progress::show, CancellationToken.none(), held)
                    : importInputs(ws, held, progress);
            try {
                if (keptOnly) {
                    List<DatasetInfo> datasets = datasetsOf(imported);
                    held.prepare(datasets, request);
                    // Nothing readable is reported as such by analyse, with no second import.
                    boolean unreadable = imported.report().hasFailures() && datasets.isEmpty();
                    if (!unreadable && !held.keepsAllOf(datasets, request)) {
                        imported.close();
                        imported = null;
                        progress.end();
                        if (!datasets.isEmpty()) {
                            err.println("shoplens: the rows could not all be kept in memory; importing again into"
                                    + " a workspace Spark reads");
                        }
                        SparkSessions.warmUp(settings);
                        held = HeldImport.inThisJvm();
                        imported = importInputs(null, held, progress);
                    }
                }
                return analyse(spec, request, rejectedCsv, use, imported, held, local, progress);
            } finally {
                if (imported != null) {
                    imported.close();
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private OnTheFly importInputs(Workspace ws, HeldImport held, ProgressLine progress) throws IOException {
        return ws == null
                ? OnTheFly.importTemporary(inputs, ImportOptions.defaults(), progress::show, CancellationToken.none(), held)
                : OnTheFly.importInto(ws, inputs, ImportOptions.defaults(), progress::show, CancellationToken.none(), held);
    }

    private static List<DatasetInfo> datasetsOf(OnTheFly imported) {
        Workspace target = imported.workspace();
        return imported.report().datasetIds().stream().distinct()
                .map(id -> target.datasets().byId(id)).flatMap(Optional::stream).toList();
    }

    /** Reports the import, runs {@code request} on what it imported and gives the outcome to {@code use}. */
    private int analyse(CommandSpec spec, RunRequest request, Optional<Path> rejectedCsv, Use use, OnTheFly imported,
                        HeldImport held, boolean local, ProgressLine progress) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        SparkSettings settings = this.spark.settings();
        progress.end();
        ImportReport report = imported.report();
        for (FileReport f : report.files()) {
            f.error().ifPresent(e -> err.println("shoplens: " + e));
            if (f.outcome() instanceof FileReport.Outcome.Skipped skipped) {
                err.println("shoplens: skipped " + f.file() + ": " + skipped.why());
            }
        }
        report.conflicts().forEach(c -> err.println("conflict: " + c.describe()));
        if (rejectedCsv.isPresent()) {
            report.writeRejectedCsv(rejectedCsv.get());
        }
        err.printf("imported: read %d, accepted %d, rejected %d%s%n", report.read(), report.accepted(),
                report.rejected(), report.rejected() > 0 && rejectedCsv.isPresent()
                        ? " (see " + rejectedCsv.get() + ")" : "");
        if (report.hasFailures() && report.datasetIds().isEmpty()) {
            return ShopLensCli.EXIT_UNREADABLE_INPUT;
        }

        List<DatasetInfo> datasets = datasetsOf(imported);
        held.prepare(datasets, request);
        Supplier<LogTables> opened = Memoized.of(() -> imported.tables(SparkSessions.shared(settings)));
        RecordedRun recorded = RecordedRun.start(imported.workspace(), request, report.datasetIds());
        AnalysisRunner.Outcome outcome;
        try {
            outcome = recorded.complete(() -> {
                ColdRun.Imported kept = new ColdRun.Imported(held, datasets);
                AnalysisRunner.Outcome done = local
                        ? ColdRun.runLocally(opened, request, progressOf(progress, request), kept)
                        : ColdRun.run(opened.get(), request, progressOf(progress, request));
                progress.end();
                done.notes().forEach(note -> err.println("shoplens: " + note));
                use.accept(new Done(report, datasets, done, opened));
                return done;
            }, () -> false);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            // Spark's analysis errors are checked exceptions Scala throws undeclared.
            throw new IllegalStateException(e.getMessage(), e);
        }
        outcome.timingsMillis().forEach((a, ms) -> err.printf("%s: %.1f s%n", a, ms / 1000.0));
        if (outcome.timingsMillis().size() > 1) {
            // Products and ads run beside the session analyses: the lines above can overlap.
            err.printf("total: %.1f s%n", outcome.wallMillis() / 1000.0);
        }
        return report.hasFailures() ? ShopLensCli.EXIT_UNREADABLE_INPUT : ShopLensCli.EXIT_OK;
    }

    /** Analyses overlap: the bar counts finished ones, the line names the running ones. */
    private static AnalysisRunner.Listener progressOf(ProgressLine progress, RunRequest request) {
        return new AnalysisRunner.Listener() {
            private final Set<String> running = new LinkedHashSet<>();
            private int finished;

            @Override
            public void started(String analysis, int index, int count) {
                running.add(analysis);
                show();
            }

            @Override
            public void finished(String analysis, long millis) {
                running.remove(analysis);
                finished++;
                show();
            }

            private void show() {
                if (!running.isEmpty()) {
                    progress.show((double) finished / request.analyses().size(),
                            "analysing: " + String.join(", ", running));
                }
            }
        };
    }
}
