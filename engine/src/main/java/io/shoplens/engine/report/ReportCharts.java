package io.shoplens.engine.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;

import io.shoplens.engine.ads.AdCharts;
import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.TopAds;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.CategoryNames;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.audience.AudienceAnalysis;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.charts.Datasets;
import io.shoplens.engine.charts.FunnelCharts;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.gmv.GmvCharts;
import io.shoplens.engine.gmv.GmvDimension;
import io.shoplens.engine.gmv.GmvTables;
import io.shoplens.engine.pages.PageCharts;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.products.HotProductsAnalysis;
import io.shoplens.engine.products.ProductCharts;
import io.shoplens.engine.sessions.SessionAnalysis;
import io.shoplens.engine.sessions.SessionCharts;

/**
 * The charts of each analysis, built from its result tables by the same definitions as the app's
 * views ({@link SessionCharts}, {@link GmvCharts}, {@link FunnelCharts} …) in the report's
 * language, so a report shows what the screen shows.
 */
public final class ReportCharts {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    /** Four small multiples, GMV twice as tall as each of its factors, as in the app. */
    static final int GMV_TREND_HEIGHT = 520;
    static final int GMV_BREAKDOWN_HEIGHT = 480;
    /** Breakdown values charted side by side, one colour each; the table lists every value. */
    static final int BREAKDOWN_VALUES = 6;

    /** Tags drawn at each end of the tag lift; the table lists them all. */
    static final int LIFT_TAGS = 10;

    private ReportCharts() {
    }

    /** The charts of {@code result}, in reading order; ids are {@code <analysis>-<n>}. */
    public static List<ReportChart> of(AnalysisResult result, ReportText words) {
        return of(result, words, Map.of(), new GmvAnalysis.GmvParams());
    }

    /**
     * @param categoryNames category_info's names, on the bars beside the ids
     * @param gmv           the GMV periods the run compared, shaded on the trend
     */
    public static List<ReportChart> of(AnalysisResult result, ReportText words, Map<Long, String> categoryNames,
                                       GmvAnalysis.GmvParams gmv) {
        List<ReportChart> charts = new ArrayList<>();
        ChartText chartWords = words.charts();
        switch (result.analysis()) {
            case SessionAnalysis.NAME -> {
                add(charts, result, words.get("chart.sessions.visit"),
                        SessionCharts.distribution(result.table("visit_length"), chartWords));
                add(charts, result, words.get("chart.sessions.step"),
                        SessionCharts.distribution(result.table("step_length"), chartWords));
                add(charts, result, words.get("chart.sessions.categories"),
                        SessionCharts.topCategories(result.table("top_categories"), categoryNames, chartWords));
            }
            case PageConversionAnalysis.NAME -> {
                add(charts, result, words.get("chart.pages.jumps"),
                        PageCharts.jumps(result.table("page_jumps"), chartWords));
                add(charts, result, words.get("chart.pages.funnel"),
                        PageCharts.sessionFunnel(result.table("session_funnel"), chartWords));
            }
            case HotProductsAnalysis.NAME -> add(charts, result, words.get("chart.products.top"),
                    ProductCharts.topProducts(result.table("top_products"), chartWords));
            case AdClickAnalysis.NAME -> {
                ResultTable top = result.table("top_ads");
                LocalDate latest = TopAds.latestDay(top);
                add(charts, result, words.get("chart.ads.top",
                        latest == null ? words.get("chart.ads.latestDay") : latest.toString()),
                        AdCharts.topAds(top, chartWords));
                add(charts, result, words.get("chart.ads.trend", String.valueOf(AdCharts.TREND_ADS)),
                        AdCharts.minuteTrend(result.table("minute_trend"), chartWords));
            }
            case GmvAnalysis.NAME -> gmv(charts, result, words, gmv == null ? new GmvAnalysis.GmvParams() : gmv);
            case FunnelAnalysis.NAME -> {
                ResultTable steps = result.table(FunnelAnalysis.STEPS);
                add(charts, result, words.get("chart.funnel.steps"), FunnelCharts.funnel(steps,
                        words.get("series.reached"), words.get("series.droppedOff"), words.get("axis.units")));
                add(charts, result, words.get("chart.funnel.times"),
                        FunnelCharts.times(result.table(FunnelAnalysis.TIMES), steps, words.get("axis.units")));
                if (result.tables().stream().anyMatch(t -> t.name().equals(FunnelAnalysis.BREAKDOWN))) {
                    add(charts, result, words.get("chart.funnel.breakdown", String.valueOf(BREAKDOWN_VALUES)),
                            FunnelCharts.breakdown(result.table(FunnelAnalysis.BREAKDOWN), steps, BREAKDOWN_VALUES,
                                    words.get("axis.conversion")));
                }
                ResultTable signals = result.table(FunnelAnalysis.CORRELATION);
                add(charts, result, words.get("chart.funnel.signals"), FunnelCharts.correlation(signals,
                        words.get("series.withConverting"), words.get("series.withDropping"), words.get("axis.lnOdds")),
                        Math.max(HEIGHT, 60 + 18 * signals.rows().size()));
            }
            // A result may hold the member tables alone (as the app shows them): no lift to chart then.
            case AudienceAnalysis.NAME -> (result.has(AudienceAnalysis.TAG_LIFT)
                    ? tagLift(result.table(AudienceAnalysis.TAG_LIFT), words, categoryNames) : java.util.Optional.<JFreeChart>empty())
                    .ifPresent(chart -> charts.add(new ReportChart(result.analysis() + "-" + (charts.size() + 1),
                            words.get("chart.audience.lift", String.valueOf(LIFT_TAGS)), chart, WIDTH,
                            liftHeight(chart))));
            default -> {
                // an analysis without charts: its tables speak for it
            }
        }
        for (AudienceMembersReport.Figure figure : AudienceMembersReport.figures(result, words)) {
            charts.add(new ReportChart(result.analysis() + "-" + (charts.size() + 1), figure.caption(), figure.chart(),
                    WIDTH, figure.height()));
        }
        return charts;
    }

    /**
     * The GMV explorer's charts as the explorer first shows them: the trend with the periods the
     * run compared, the breakdown by channel, and the shop's bridge, each where the result has its table.
     */
    private static void gmv(List<ReportChart> charts, AnalysisResult result, ReportText words,
                            GmvAnalysis.GmvParams periods) {
        GmvCharts gmvCharts = new GmvCharts(words.charts());
        add(charts, result, words.get("chart.gmv.daily"),
                gmvCharts.trend(GmvTables.daily(result.table(GmvAnalysis.DAILY)), periods.base().orElse(null),
                        periods.current().orElse(null)), GMV_TREND_HEIGHT);
        if (result.has(GmvAnalysis.BREAKDOWN)) {
            add(charts, result, words.get("chart.gmv.breakdown"), gmvCharts.breakdown(
                    GmvTables.breakdown(result.table(GmvAnalysis.BREAKDOWN), GmvDimension.CHANNEL)),
                    GMV_BREAKDOWN_HEIGHT);
        }
        if (result.has(GmvAnalysis.BRIDGE)) {
            GmvTables.shop(result.table(GmvAnalysis.BRIDGE)).ifPresent(bridge ->
                    add(charts, result, words.get("chart.gmv.bridge"), gmvCharts.waterfall(bridge)));
        }
    }

    /**
     * ln(odds_ratio) of tag_lift's first and last {@link #LIFT_TAGS} tags (all when there are not
     * more than twice as many), in the table's order: right of zero the tags that go with the target.
     */
    public static java.util.Optional<JFreeChart> tagLift(ResultTable lift, ReportText words,
                                                         Map<Long, String> categoryNames) {
        List<List<Object>> rows = lift.rows();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<List<Object>> shown = rows.size() <= 2 * LIFT_TAGS ? rows : new ArrayList<>(rows.subList(0, LIFT_TAGS));
        if (shown != rows) {
            shown.addAll(rows.subList(rows.size() - LIFT_TAGS, rows.size()));
        }
        List<String> tags = shown.stream()
                .map(r -> CategoryNames.tagLabel(r.get(lift.columnIndex("tag")), categoryNames)).toList();
        List<Double> logs = shown.stream()
                .map(r -> Math.log(((Number) r.get(lift.columnIndex("odds_ratio"))).doubleValue())).toList();
        return java.util.Optional.of(Charts.divergingBars(null, words.get("axis.lnOdds"),
                Datasets.diverging(tags, logs, words.get("series.withTarget"), words.get("series.againstTarget")), true));
    }

    /** Room for every tag's bar and label. */
    private static int liftHeight(JFreeChart chart) {
        return Math.max(HEIGHT, 80 + 22 * chart.getCategoryPlot().getDataset().getColumnCount());
    }

    private static void add(List<ReportChart> charts, AnalysisResult result, String caption, JFreeChart chart) {
        add(charts, result, caption, chart, HEIGHT);
    }

    private static void add(List<ReportChart> charts, AnalysisResult result, String caption, JFreeChart chart,
                            int height) {
        charts.add(new ReportChart(result.analysis() + "-" + (charts.size() + 1), caption, chart, WIDTH, height));
    }
}
