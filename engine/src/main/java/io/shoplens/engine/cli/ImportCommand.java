package io.shoplens.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.FileReport;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.ReferenceConflict;
import io.shoplens.engine.workspace.RejectedRow;
import io.shoplens.engine.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code shoplens import}: files or folders into the workspace; exit 3 when an input cannot be read at all. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Imports log files or folders into the workspace.")
public final class ImportCommand implements Callable<Integer> {

    private static final int SHOWN_REJECTIONS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace folder (default: -Dshoplens.workspace, $SHOPLENS_WORKSPACE, else the user data folder + ShopLens).")
    Path workspace;

    @Option(names = "--data", paramLabel = "URI", description = DataOption.DESCRIPTION)
    String data;

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "Read every input as this kind: user_visit_action, user_info, product_info, city_info, ad_click,"
                    + " category_info.")
    LogKind kind;

    @Option(names = "--name", paramLabel = "NAME", description = "Dataset name (default: the file name).")
    String name;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders (every supported file inside).")
    List<Path> paths;

    @Override
    public Integer call() {
        Optional<LogKind> k = Optional.ofNullable(kind);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportReport report;
        try (Workspace ws = Workspace.open(workspace != null ? workspace : Workspace.defaultLocation(), data)) {
            ProgressLine progress = new ProgressLine(err);
            report = Importer.importFiles(ws, paths, new ImportOptions(k, Optional.ofNullable(name)), progress::show,
                    CancellationToken.none());
            progress.end();
        }
        for (FileReport f : report.files()) {
            print(out, err, f);
        }
        for (ReferenceConflict c : report.conflicts()) {
            out.println("conflict: " + c.describe());
        }
        out.printf("total: read %d, accepted %d, rejected %d%n", report.read(), report.accepted(), report.rejected());
        out.flush();
        return report.hasFailures() ? ShopLensCli.EXIT_UNREADABLE_INPUT : ShopLensCli.EXIT_OK;
    }

    static void print(PrintWriter out, PrintWriter err, FileReport f) {
        if (f.error().isPresent()) {
            err.println("shoplens: " + f.error().get());
            return;
        }
        if (f.outcome() instanceof FileReport.Outcome.Skipped skipped) {
            out.println(f.file() + ": skipped, " + skipped.why());
            return;
        }
        out.printf("%s: %s, %s%s%s, read %d, accepted %d, rejected %d%s%n", f.file(),
                f.kind().map(LogKind::id).orElse("unknown kind"), f.format().name().toLowerCase(java.util.Locale.ROOT),
                f.format() == io.shoplens.engine.imports.SourceFormat.DELIMITED ? " (" + f.delimiter() + ")" : "",
                f.gzip() ? ", gzip" : "", f.read(), f.accepted(), f.rejected(),
                f.datasetId().map(id -> " -> dataset " + id).orElse(""));
        for (String w : f.warnings()) {
            out.println("  note: " + w);
        }
        List<RejectedRow> shown = f.rejections().stream().limit(SHOWN_REJECTIONS).toList();
        for (RejectedRow r : shown) {
            err.printf("  %s:%d: %s%n", r.file(), r.line(), r.reason());
        }
        if (f.rejections().size() > shown.size()) {
            err.printf("  … and %d more rejected rows (see `shoplens datasets` / the app)%n", f.rejections().size() - shown.size());
        }
        err.flush();
    }

    /** {@code --kind} by its id; an unknown one is a usage error (exit 2). */
    static final class KindConverter implements picocli.CommandLine.ITypeConverter<LogKind> {
        @Override
        public LogKind convert(String value) {
            return LogKind.byId(value).orElseThrow(() -> new picocli.CommandLine.TypeConversionException(
                    "Unknown kind '" + value + "' (kinds: " + java.util.Arrays.stream(LogKind.values()).map(LogKind::id)
                            .collect(java.util.stream.Collectors.joining(", ")) + ")"));
        }
    }
}
