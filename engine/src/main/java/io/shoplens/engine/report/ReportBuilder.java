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

    public static final String DEFAULT_TITLE = "ShopLens report";

    private static final Map<String, String> HEADINGS = Map.of(
            "sessions", "User sessions",
            "pages", "Page conversion",
            "products", "Hot products per area",
            "ads", "Ad clicks",
            "gmv", "GMV = traffic × conversion × AOV",
            FunnelAnalysis.NAME, "Funnel",
            AudienceAnalysis.NAME, "Audience: tags, sweet apples, lapsed buyers, fake orders, member tiers");

    private static final Map<String, String> CAPTIONS = Map.ofEntries(
            Map.entry("visit_length", "Visit length"),
            Map.entry("step_length", "Step length"),
            Map.entry("top_categories", "Top 10 categories"),
            Map.entry("top_sessions", "Top sessions per top category"),
            Map.entry("sampled_sessions", "Sampled sessions"),
            Map.entry("page_jumps", "Page jumps"),
            Map.entry("session_funnel", "Session funnel"),
            Map.entry("top_products", "Top 3 products per area"),
            Map.entry("blacklist", "Blacklisted users"),
            Map.entry("daily_clicks", "Clicks per day, province, city and ad"),
            Map.entry("top_ads", "Top 3 ads per province and day"),
            Map.entry("minute_trend", "Clicks per minute, last hour"),
            Map.entry("gmv_daily", "GMV per day"),
            Map.entry("gmv_breakdown", "GMV by dimension"),
            Map.entry("gmv_bridge", "GMV bridge (LMDI effects)"),
            Map.entry("gmv_coverage", "Price coverage"),
            Map.entry("funnel_steps", "Funnel steps"),
            Map.entry("funnel_times", "Time to convert"),
            Map.entry("funnel_breakdown", "Funnel by breakdown value"),
            Map.entry("funnel_dropoff", "Units that dropped off"),
            Map.entry("funnel_correlation", "Signals that go with converting"),
            Map.entry(AudienceAnalysis.TAGS, "Tags: users per tag"),
            Map.entry(AudienceAnalysis.TAG_LIFT, "Tag lift: the tags of the users who hit the target"),
            Map.entry(AudienceAnalysis.LOOKALIKES, "Look-alikes: users like those who hit the target"),
            Map.entry(AudienceAnalysis.LOOKALIKE_CHECK, "Look-alike backtest in the current period"),
            Map.entry(AudienceAnalysis.LAPSED_SUMMARY, "Habit buyers who lapsed"),
            Map.entry(AudienceAnalysis.LAPSED_SUBSTITUTES, "What lapsed buyers bought instead"),
            Map.entry(AudienceMembers.SUSPECTS, "Sessions flagged by the fake-order rules"),
            Map.entry(AudienceMembers.SUSPECT_USERS, "Suspect users (two rules or more)"),
            Map.entry(AudienceMembers.RFM, "RFM: recency, frequency, monetary value and segment per paying user"),
            Map.entry(AudienceMembers.TIER_MOVES, "Tier moves from the base to the current period"),
            Map.entry(AudienceMembers.AMPLIFICATION, "Amplification by cohort and week since the first session"));

    /** Tables too large to print that the CSV output holds anyway. */
    private static final List<String> NOT_PRINTED = List.of(GmvAnalysis.CUBE, AudienceAnalysis.USER_TAGS);

    private ReportBuilder() {
    }

    /**
     * @param datasets the datasets the run read; printed sorted by kind, then name, then fingerprint
     * @param results  the results of the request's analyses, in any order (printed in docs/ANALYSES.md order)
     */
    public static Report build(String title, Instant createdAt, List<ReportDataset> datasets, RunRequest request,
                               List<AnalysisResult> results) {
        return build(title, createdAt, datasets, request, results, List.of());
    }

    /** @param notes what the run said about its input (its outcome's notes), printed with the run */
    public static Report build(String title, Instant createdAt, List<ReportDataset> datasets, RunRequest request,
                               List<AnalysisResult> results, List<String> notes) {
        return build(title, createdAt, datasets, parameters(request.toArguments()),
                "./shoplens analyze --input LOGS --out FOLDER " + request.toCommandLine(), request.gmv(), results,
                notes);
    }

    /**
     * For results that do not come from one {@link RunRequest} (the app runs each analysis with its
     * own settings): the parameters and the command line are given as they are.
     */
    public static Report build(String title, Instant createdAt, List<ReportDataset> datasets,
                               List<Report.Parameter> parameters, String rerun, GmvAnalysis.GmvParams gmv,
                               List<AnalysisResult> results) {
        return build(title, createdAt, datasets, parameters, rerun, gmv, results, List.of());
    }

    private static Report build(String title, Instant createdAt, List<ReportDataset> datasets,
                                List<Report.Parameter> parameters, String rerun, GmvAnalysis.GmvParams gmv,
                                List<AnalysisResult> results, List<String> notes) {
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
                bridge = GmvBridgeText.of(result.get(), gmv);
            }
            List<String> words = analysis.equals(GmvAnalysis.NAME) ? bridge.stream().toList()
                    : analysis.equals(AudienceAnalysis.NAME) ? AudienceText.of(result.get())
                    : analysis.equals(FunnelAnalysis.NAME)
                    ? FunnelText.of(result.get(), funnelUnit(parameters)).stream().toList()
                    : List.of();
            sections.add(section(result.get(), words));
        }
        return new Report(title == null || title.isBlank() ? DEFAULT_TITLE : title, createdAt, Versions.engine(),
                Versions.spark(), sortedDatasets, parameters, rerun, bridge, notes, sections);
    }

    /** What a funnel unit is in this run: the value of {@code --funnel-unit}, else its default. */
    private static String funnelUnit(List<Report.Parameter> parameters) {
        return parameters.stream().filter(p -> p.option().equals("--funnel-unit")).map(Report.Parameter::value)
                .findFirst().orElse(FunnelParams.DEFAULT_UNIT.text());
    }

    private static ReportSection section(AnalysisResult result, List<String> words) {
        List<String> paragraphs = new ArrayList<>(words);
        paragraphs.addAll(AudienceMembersReport.paragraphs(result));
        List<ReportTable> tables = new ArrayList<>();
        for (ResultTable table : result.tables()) {
            if (NOT_PRINTED.contains(table.name())) {
                paragraphs.add("The table " + table.name() + " (" + table.rows().size()
                        + " rows) is in the CSV output of ./shoplens analyze, not printed here.");
                continue;
            }
            tables.add(ReportTable.of(table, CAPTIONS.getOrDefault(table.name(), table.name()),
                    ReportTable.DEFAULT_MAX_ROWS));
        }
        return new ReportSection(result.analysis(), HEADINGS.getOrDefault(result.analysis(), result.analysis()),
                paragraphs, ReportCharts.of(result), tables);
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
