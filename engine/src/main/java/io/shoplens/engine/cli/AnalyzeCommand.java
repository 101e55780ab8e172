package io.shoplens.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.FileReport;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.OnTheFly;
import io.shoplens.engine.run.AnalysisRunner;
import io.shoplens.engine.run.ResultFiles;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shoplens analyze}: from raw logs to the tables of ANALYSES.md in one command. Inputs are
 * imported into the given workspace (where the run is also recorded) or into a temporary one.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Imports the inputs, runs analyses and writes DIR/<analysis>/<table>.csv.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "PATH",
            description = "Log file or folder (every supported file inside); repeatable.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Import into this workspace and record the run there (default: a temporary one).")
    Path workspace;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. local[2] or spark://host:7077 (default: local[*]).")
    String master;

    @Mixin
    AnalysisOptions options;

    @Override
    public Integer call() throws IOException {
        RunRequest request;
        try {
            request = options.toRequest();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        for (Path input : inputs) {
            if (!Files.isReadable(input)) {
                err.println("shoplens: cannot read " + input + (Files.exists(input) ? " (permission denied)" : " (no such file or folder)"));
                return ShopLensCli.EXIT_UNREADABLE_INPUT;
            }
        }
        Files.createDirectories(out);

        ProgressLine progress = new ProgressLine(err);
        try (Workspace ws = workspace == null ? null : Workspace.open(workspace);
             OnTheFly imported = ws == null
                     ? OnTheFly.importTemporary(inputs, ImportOptions.defaults(), progress::show, CancellationToken.none())
                     : OnTheFly.importInto(ws, inputs, ImportOptions.defaults(), progress::show, CancellationToken.none())) {
            progress.end();
            ImportReport report = imported.report();
            for (FileReport f : report.files()) {
                f.error().ifPresent(e -> err.println("shoplens: " + e));
            }
            report.writeRejectedCsv(out.resolve("rejected.csv"));
            err.printf("imported: read %d, accepted %d, rejected %d%s%n", report.read(), report.accepted(),
                    report.rejected(), report.rejected() > 0 ? " (see " + out.resolve("rejected.csv") + ")" : "");
            if (report.hasFailures() && report.datasetIds().isEmpty()) {
                return ShopLensCli.EXIT_UNREADABLE_INPUT;
            }

            SparkSettings settings = SparkSettings.fromEnvironment();
            SparkSession spark = SparkSessions.shared(master == null ? settings : settings.withMaster(master));
            Workspace target = imported.workspace();
            long runId = ws == null ? -1 : target.startRun(request.analyses(), request.toJson(),
                    report.datasetIds());
            try {
                AnalysisRunner.Outcome outcome = AnalysisRunner.run(imported.tables(spark), request,
                        new AnalysisRunner.Listener() {
                            @Override
                            public void started(String analysis, int index, int count) {
                                progress.show((double) index / count, "analysing: " + analysis);
                            }
                        });
                progress.end();
                ResultFiles.write(out, outcome.results());
                if (runId >= 0) {
                    target.finishRun(runId, outcome.results(), outcome.timingsMillis());
                }
                outcome.timingsMillis().forEach((a, ms) -> err.printf("%s: %.1f s%n", a, ms / 1000.0));
            } catch (RuntimeException | IOException e) {
                if (runId >= 0) {
                    target.failRun(runId, "failed", String.valueOf(e.getMessage()));
                }
                throw e;
            }
            return report.hasFailures() ? ShopLensCli.EXIT_UNREADABLE_INPUT : ShopLensCli.EXIT_OK;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
