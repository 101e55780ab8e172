package io.shoplens.engine.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.audience.AudienceAnalysis;
import io.shoplens.engine.audience.AudienceMembers;
import io.shoplens.engine.spark.Versions;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.funnel.FunnelParams;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.run.RunRequest;

/** Builds a {@link Report} from a run's request and results; the CLI and the app both come here. */
public final class ReportBuilder {

    /** Tables too large to print that the CSV output holds anyway. */
    private static final List<String> NOT_PRINTED = List.of(GmvAnalysis.CUBE, AudienceAnalysis.USER_TAGS);

    private ReportBuilder() {
    }

    /**
     * @param datasets the datasets the run read; printed sorted by kind, then name, then fingerprint
     * @param results  the results of the request's analyses, in any order (printed in docs/ANALYSES.md order)
     */
    public static Report build(String title, Instant createdAt, List<ReportDataset> datasets, RunRequest request,
                               List<AnalysisResult> results, ReportText words) {
        return build(title, createdAt, datasets, request, results, List.of(), words, Map.of());
    }

    /**
     * @param notes         what the run said about its input (its outcome's notes), printed with the run
     * @param categoryNames category_info's names, shown beside the ids in the tables
     */
    public static Report build(String title, Instant createdAt, List<ReportDataset> datasets, RunRequest request,
                               List<AnalysisResult> results, List<String> notes, ReportText words,
                               Map<Long, String> categoryNames) {
        return build(title, createdAt, datasets, parameters(request.toArguments()),
                "./shoplens analyze --input LOGS --out FOLDER " + request.toCommandLine(), request.gmv(), results,
                notes, words, categoryNames);
    }

    /**
     * For results that do not come from one {@link RunRequest} (the app runs each analysis with its
     * own settings): the parameters and the command line are given as they are.
     */
    public static Report build(String title, Instant createdAt, List<ReportDataset> datasets,
                               List<Report.Parameter> parameters, String rerun, GmvAnalysis.GmvParams gmv,
                               List<AnalysisResult> results, ReportText words, Map<Long, String> categoryNames) {
        return build(title, createdAt, datasets, parameters, rerun, gmv, results, List.of(), words, categoryNames);
    }

    private static Report build(String title, Instant createdAt, List<ReportDataset> datasets,
                                List<Report.Parameter> parameters, String rerun, GmvAnalysis.GmvParams gmv,
                                List<AnalysisResult> results, List<String> notes, ReportText words,
                                Map<Long, String> categoryNames) {
        List<ReportDataset> sortedDatasets = datasets.stream()
                .sorted(Comparator.comparing(ReportDataset::kind).thenComparing(ReportDataset::name)
                        .thenComparing(ReportDataset::fingerprint))
                .toList();
        List<ReportSection> sections = new ArrayList<>();
        Optional<String> bridge = Optional.empty();
        for (String analysis : RunRequest.ALL) {
            Optional<AnalysisResult> result = results.stream().filter(r -> r.analysis().equals(analysis)).findFirst();
            if (result.isEmpty()) {
                continue;
            }
            if (analysis.equals(GmvAnalysis.NAME)) {
                bridge = GmvBridgeText.of(result.get(), gmv, words);
            }
            List<String> paragraphs = analysis.equals(GmvAnalysis.NAME) ? bridge.stream().toList()
                    : analysis.equals(AudienceAnalysis.NAME) ? AudienceText.of(result.get(), words)
                    : analysis.equals(FunnelAnalysis.NAME)
                    ? FunnelText.of(result.get(), funnelUnit(parameters), words).stream().toList()
                    : List.of();
            sections.add(section(result.get(), paragraphs, words, categoryNames, gmv));
        }
        return new Report(title == null || title.isBlank() ? words.get("title.default") : title, createdAt,
                Versions.engine(), Versions.spark(), sortedDatasets, parameters, rerun, bridge, notes, sections, words);
    }

    /** What a funnel unit is in this run: the value of {@code --funnel-unit}, else its default. */
    private static String funnelUnit(List<Report.Parameter> parameters) {
        return parameters.stream().filter(p -> p.option().equals("--funnel-unit")).map(Report.Parameter::value)
                .findFirst().orElse(FunnelParams.DEFAULT_UNIT.text());
    }

    private static ReportSection section(AnalysisResult result, List<String> sentences, ReportText words,
                                         Map<Long, String> categoryNames, GmvAnalysis.GmvParams gmv) {
        List<String> paragraphs = new ArrayList<>(sentences);
        paragraphs.addAll(AudienceMembersReport.paragraphs(result, words));
        List<ReportTable> tables = new ArrayList<>();
        for (ResultTable table : result.tables()) {
            if (NOT_PRINTED.contains(table.name())) {
                paragraphs.add(words.get("notPrinted", table.name(), String.valueOf(table.rows().size())));
                continue;
            }
            tables.add(ReportTable.of(table, words.getOrDefault("caption." + table.name(), table.name()),
                    ReportTable.DEFAULT_MAX_ROWS, categoryNames));
        }
        return new ReportSection(result.analysis(), words.getOrDefault("heading." + result.analysis(), result.analysis()),
                paragraphs, ReportCharts.of(result, words, categoryNames, gmv), tables);
    }

    /** {@code --a x --b y} → (--a, x), (--b, y); an option followed by another option is a flag. */
    static List<Report.Parameter> parameters(List<String> arguments) {
        List<Report.Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            boolean hasValue = i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--");
            parameters.add(new Report.Parameter(option, hasValue ? arguments.get(++i) : ""));
        }
        return parameters;
    }
}
