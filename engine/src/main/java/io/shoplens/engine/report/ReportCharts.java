package io.shoplens.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.TimeSeriesCollection;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.audience.AudienceAnalysis;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.charts.Datasets;
import io.shoplens.engine.charts.FunnelCharts;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.products.HotProductsAnalysis;
import io.shoplens.engine.sessions.SessionAnalysis;

/**
 * The charts of each analysis, built from its result tables with the same builders and theme as
 * the app's views ({@link Charts}, {@link Datasets}), so a report looks like the screen.
 */
public final class ReportCharts {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    /** More lines than this are a tangle; the table lists every ad. */
    static final int TREND_ADS = 5;
    /** Breakdown values charted side by side, one colour each; the table lists every value. */
    static final int BREAKDOWN_VALUES = 6;

    /** Tags drawn at each end of the tag lift; the table lists them all. */
    static final int LIFT_TAGS = 10;

    private ReportCharts() {
    }

    /** The charts of {@code result}, in reading order; ids are {@code <analysis>-<n>}. */
    public static List<ReportChart> of(AnalysisResult result, ReportText words) {
        List<ReportChart> charts = new ArrayList<>();
        switch (result.analysis()) {
            case SessionAnalysis.NAME -> {
                add(charts, result, words.get("chart.sessions.visit"),
                        bucketBars(result.table("visit_length"), words));
                add(charts, result, words.get("chart.sessions.step"), bucketBars(result.table("step_length"), words));
                ResultTable top = result.table("top_categories");
                add(charts, result, words.get("chart.sessions.categories"), Charts.bars(null, words.get("axis.count"),
                        Datasets.bars(top, "category_id", List.of("click_count", "order_count", "pay_count"),
                                column -> seriesName(column, words)), true));
            }
            case PageConversionAnalysis.NAME -> {
                ResultTable jumps = result.table("page_jumps");
                DefaultCategoryDataset data = new DefaultCategoryDataset();
                for (List<Object> row : jumps.rows()) {
                    data.addValue((Number) row.get(jumps.columnIndex("jumps")), words.get("series.jumps"),
                            row.get(jumps.columnIndex("from_page")) + "→" + row.get(jumps.columnIndex("to_page")));
                }
                add(charts, result, words.get("chart.pages.jumps"),
                        Charts.bars(null, words.get("axis.jumps"), data, false));
                ResultTable funnel = result.table("session_funnel");
                add(charts, result, words.get("chart.pages.funnel"),
                        Charts.bars(null, words.get("axis.sessions"), Datasets.bars(funnel, "page_id", List.of("sessions"),
                                c -> words.get("series.sessions")), false));
            }
            case HotProductsAnalysis.NAME -> {
                ResultTable top = result.table("top_products");
                add(charts, result, words.get("chart.products.top"), Charts.bars(null, words.get("axis.clicks"),
                        Datasets.pivot(top.rows(), top, "area", "rank", "clicks", rank -> "#" + rank), true));
            }
            case AdClickAnalysis.NAME -> {
                ResultTable top = result.table("top_ads");
                Object latest = top.rows().stream().map(r -> r.get(top.columnIndex("date"))).filter(Objects::nonNull)
                        .map(String::valueOf).max(String::compareTo).orElse(null);
                List<List<Object>> latestRows = top.rows().stream()
                        .filter(r -> String.valueOf(r.get(top.columnIndex("date"))).equals(latest)).toList();
                add(charts, result, words.get("chart.ads.top",
                        latest == null ? words.get("chart.ads.latestDay") : String.valueOf(latest)),
                        Charts.bars(null, words.get("axis.clicks"),
                        Datasets.pivot(latestRows, top, "province", "rank", "clicks", rank -> "#" + rank), true));
                ResultTable trend = result.table("minute_trend");
                JFreeChart lines = Charts.timeLines(null, words.get("axis.clicks"), Datasets.minutesFilled(trend,
                        "minute", "ad_id", "clicks", ad -> words.get("series.ad", String.valueOf(ad)), TREND_ADS),
                        true, "HH:mm");
                ((org.jfree.chart.axis.NumberAxis) lines.getXYPlot().getRangeAxis())
                        .setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
                add(charts, result, words.get("chart.ads.trend", String.valueOf(TREND_ADS)), lines);
            }
            case GmvAnalysis.NAME -> {
                ResultTable daily = result.table(GmvAnalysis.DAILY);
                add(charts, result, words.get("chart.gmv.daily"), Charts.timeLines(null, words.get("axis.gmv"),
                        new TimeSeriesCollection(Datasets.days(daily, "date", "gmv", words.get("series.gmv"))), false,
                        "yyyy-MM-dd"));
            }
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
                    ? tagLift(result.table(AudienceAnalysis.TAG_LIFT), words) : java.util.Optional.<JFreeChart>empty())
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

    private static JFreeChart bucketBars(ResultTable table, ReportText words) {
        return Charts.bars(null, words.get("axis.sessions"),
                Datasets.bars(table, "bucket", List.of("sessions"), c -> words.get("series.sessions")),
                false, PlotOrientation.VERTICAL, java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT));
    }

    /**
     * ln(odds_ratio) of tag_lift's first and last {@link #LIFT_TAGS} tags (all when there are not
     * more than twice as many), in the table's order: right of zero the tags that go with the target.
     */
    public static java.util.Optional<JFreeChart> tagLift(ResultTable lift, ReportText words) {
        List<List<Object>> rows = lift.rows();
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<List<Object>> shown = rows.size() <= 2 * LIFT_TAGS ? rows : new ArrayList<>(rows.subList(0, LIFT_TAGS));
        if (shown != rows) {
            shown.addAll(rows.subList(rows.size() - LIFT_TAGS, rows.size()));
        }
        List<String> tags = shown.stream().map(r -> String.valueOf(r.get(lift.columnIndex("tag")))).toList();
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

    private static String seriesName(String column, ReportText words) {
        return switch (column) {
            case "click_count" -> words.get("series.clicks");
            case "order_count" -> words.get("series.orders");
            case "pay_count" -> words.get("series.payments");
            default -> column;
        };
    }
}
