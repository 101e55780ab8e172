package io.shoplens.engine.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a report shows, ready to render: HTML ({@link HtmlReport}) and PDF ({@link PdfReport})
 * render the same model, so both say the same. Only {@code createdAt} differs between two reports
 * of the same run and parameters.
 *
 * @param parameters   the run's options as (option, value) pairs, in {@code RunRequest.toArguments()} order
 * @param rerun        the command line that repeats the run
 * @param bridge       the GMV bridge in words, when the run has one
 * @param notes        what the run says about its input for every analysis, e.g. the suspect
 *                     users it excluded
 * @param words        the language the report is written in
 */
public record Report(String title, Instant createdAt, String engineVersion, String sparkVersion,
                     List<ReportDataset> datasets, List<Parameter> parameters, String rerun,
                     Optional<String> bridge, List<String> notes, List<ReportSection> sections, ReportText words) {

    public Report {
        datasets = List.copyOf(datasets);
        parameters = List.copyOf(parameters);
        notes = List.copyOf(notes);
        sections = List.copyOf(sections);
    }

    /** One option of the run, e.g. {@code --page-flow} = {@code 1,2,3}; flags have an empty value. */
    public record Parameter(String option, String value) {
    }

    public int chartCount() {
        return sections.stream().mapToInt(s -> s.charts().size()).sum();
    }
}
