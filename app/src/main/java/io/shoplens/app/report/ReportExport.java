package io.shoplens.app.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Supplier;

import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.report.HtmlReport;
import io.shoplens.engine.report.PdfReport;
import io.shoplens.engine.report.Report;
import io.shoplens.engine.report.ReportBuilder;
import io.shoplens.engine.report.ReportDataset;
import io.shoplens.engine.report.ReportText;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.workspace.DatasetInfo;

/**
 * File ▸ Export report: the current results of every analysis that has been run, as the engine's
 * HTML report and, next to it, the same as PDF. Rendering runs as a background job.
 */
public final class ReportExport {

    private final JobRunner jobs;
    private final DialogService dialogs;
    private final Messages messages;
    private final Supplier<List<AnalysisResult>> results;
    private final Supplier<List<DatasetInfo>> datasets;
    private final RunRequests requests;
    private Supplier<Map<Long, String>> categoryNames = Map::of;

    /** The request behind an analysis' current result (as stored with its run), if known; may block. */
    @FunctionalInterface
    public interface RunRequests {
        Optional<RunRequest> of(String analysis) throws Exception;
    }

    public ReportExport(JobRunner jobs, DialogService dialogs, Messages messages,
                        Supplier<List<AnalysisResult>> results, Supplier<List<DatasetInfo>> datasets,
                        RunRequests requests) {
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.messages = messages;
        this.results = results;
        this.datasets = datasets;
        this.requests = requests;
    }

    /** category_info's names the window knows, shown beside the ids in the report's tables. */
    public void useCategoryNames(Supplier<Map<Long, String>> names) {
        this.categoryNames = Objects.requireNonNull(names, "names");
    }

    public void export() {
        List<AnalysisResult> current = results.get().stream().filter(Objects::nonNull).toList();
        if (current.isEmpty()) {
            dialogs.notifyInfo(messages.get("export.report"), messages.get("export.report.nothing"));
            return;
        }
        var chosen = dialogs.chooseSaveFile(messages.get("export.report"), "shoplens-report.html", "HTML", "html");
        if (chosen.isEmpty()) {
            return;
        }
        Path html = chosen.get();
        String base = html.getFileName().toString().replaceFirst("\\.html?$", "");
        Path pdf = html.resolveSibling(base + ".pdf");
        // The save dialog asked about the HTML file only; the PDF beside it is ours to ask about.
        if (Files.exists(pdf) && !dialogs.confirm(messages.get("export.report"), messages.get("export.overwrite", pdf))) {
            return;
        }
        List<ReportDataset> sets = datasets.get().stream()
                .map(d -> new ReportDataset(d.name(), d.kind().id(), d.fingerprint(), d.rowsAccepted(), d.rowsRejected()))
                .toList();
        jobs.submit(Job.of(messages.get("export.job", html.getFileName()), ctx -> {
            // Each tab ran on its own: its parameters are those of its own last run.
            List<Report.Parameter> parameters = new ArrayList<>();
            StringBuilder rerun = new StringBuilder(messages.get("export.report.rerun"));
            GmvAnalysis.GmvParams gmv = new GmvAnalysis.GmvParams();
            for (AnalysisResult result : current) {
                Optional<RunRequest> stored = requests.of(result.analysis());
                if (stored.isEmpty()) {
                    parameters.add(new Report.Parameter(result.analysis(), "?"));
                    continue;
                }
                RunRequest request = stored.get();
                parameters.add(new Report.Parameter(result.analysis(), request.toCommandLine()));
                rerun.append("\n./shoplens analyze --input LOGS --out FOLDER ").append(request.toCommandLine());
                if (request.includes(GmvAnalysis.NAME)) {
                    gmv = request.gmv();
                }
            }
            Report report = ReportBuilder.build(null, Instant.now(), sets, parameters, rerun.toString(), gmv, current,
                    ReportText.of(messages.locale()), categoryNames.get());
            HtmlReport.write(report, html);
            PdfReport.write(report, pdf);
            return html;
        }).onSuccess(p -> dialogs.notifyInfo(messages.get("export.done"), html + "\n" + pdf))
                .onFailure(e -> dialogs.notifyError(messages.get("export.failed"), e)));
    }
}
