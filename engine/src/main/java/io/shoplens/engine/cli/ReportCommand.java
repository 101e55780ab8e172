package io.shoplens.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.shoplens.engine.analysis.CategoryNames;
import io.shoplens.engine.report.HtmlReport;
import io.shoplens.engine.report.PdfReport;
import io.shoplens.engine.report.Report;
import io.shoplens.engine.report.ReportBuilder;
import io.shoplens.engine.report.ReportDataset;
import io.shoplens.engine.report.ReportText;
import io.shoplens.engine.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shoplens report}: the same import and analyses as {@code analyze}, written as one
 * self-contained HTML report (and optionally PDF) instead of CSV files. Runs without a display.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Imports the inputs, runs analyses and writes an HTML (and PDF) report with charts and tables.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The HTML report.")
    Path out;

    @Option(names = "--pdf", paramLabel = "FILE.pdf", description = "Also write the report as PDF.")
    Path pdf;

    @Option(names = "--title", paramLabel = "TEXT", description = "Report title (default: ShopLens report, in the report's language).")
    String title;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "The report's language: en or zh (default: ${DEFAULT-VALUE}). Numbers and table columns are the same in both.")
    String lang;

    @Mixin
    AnalysisOptions options;

    @Override
    public Integer call() throws IOException {
        // Charts are drawn with Java2D only; no display is needed or wanted (servers, CI).
        System.setProperty("java.awt.headless", "true");
        RunRequest request;
        ReportText words;
        try {
            request = options.toRequest();
            words = ReportText.forLanguage(lang);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // The report names categories from the tables (CategoryNames): Spark starts beside the import.
        return input.run(spec, request, Optional.empty(), true, done -> {
            Report report = ReportBuilder.build(title, Instant.now(),
                    done.datasets().stream().map(ReportDataset::of).toList(), request, done.outcome().results(),
                    done.outcome().notes(), words, CategoryNames.of(done.tables()));
            HtmlReport.write(report, out);
            spec.commandLine().getErr().println("report: " + out);
            if (pdf != null) {
                PdfReport.write(report, pdf);
                spec.commandLine().getErr().println("report: " + pdf);
            }
        });
    }
}
