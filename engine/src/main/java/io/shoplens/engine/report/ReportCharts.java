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
    public static List<ReportChart> of(AnalysisResult result) {
        List<ReportChart> charts = new ArrayList<>();
        switch (result.analysis()) {
            case SessionAnalysis.NAME -> {
                add(charts, result, "Visit length (sessions per bucket)",
                        bucketBars(result.table("visit_length")));
                add(charts, result, "Step length (sessions per bucket)", bucketBars(result.table("step_length")));
                ResultTable top = result.table("top_categories");
                add(charts, result, "Top categories: clicks, orders and payments", Charts.bars(null, "Count",
                        Datasets.bars(top, "category_id", List.of("click_count", "order_count", "pay_count"),
                                ReportCharts::seriesName), true));
            }
            case PageConversionAnalysis.NAME -> {
                ResultTable jumps = result.table("page_jumps");
                DefaultCategoryDataset data = new DefaultCategoryDataset();
                for (List<Object> row : jumps.rows()) {
                    data.addValue((Number) row.get(jumps.columnIndex("jumps")), "Jumps",
                            row.get(jumps.columnIndex("from_page")) + "→" + row.get(jumps.columnIndex("to_page")));
                }
                add(charts, result, "Page jumps along the flow", Charts.bars(null, "Jumps", data, false));
                ResultTable funnel = result.table("session_funnel");
                add(charts, result, "Session funnel (sessions reaching each page in order)",
                        Charts.bars(null, "Sessions", Datasets.bars(funnel, "page_id", List.of("sessions"),
                                c -> "Sessions"), false));
            }
            case HotProductsAnalysis.NAME -> {
                ResultTable top = result.table("top_products");
                add(charts, result, "Top products per area (clicks of ranks 1–3)", Charts.bars(null, "Clicks",
                        Datasets.pivot(top.rows(), top, "area", "rank", "clicks", rank -> "#" + rank), true));
            }
            case AdClickAnalysis.NAME -> {
                ResultTable top = result.table("top_ads");
                Object latest = top.rows().stream().map(r -> r.get(top.columnIndex("date"))).filter(Objects::nonNull)
                        .map(String::valueOf).max(String::compareTo).orElse(null);
                List<List<Object>> latestRows = top.rows().stream()
                        .filter(r -> String.valueOf(r.get(top.columnIndex("date"))).equals(latest)).toList();
                add(charts, result, "Top ads per province on " + (latest == null ? "the latest day" : latest)
                        + " (clicks of ranks 1–3)", Charts.bars(null, "Clicks",
                        Datasets.pivot(latestRows, top, "province", "rank", "clicks", rank -> "#" + rank), true));
                ResultTable trend = result.table("minute_trend");
                JFreeChart lines = Charts.timeLines(null, "Clicks", Datasets.minutesFilled(trend, "minute", "ad_id",
                        "clicks", ad -> "ad " + ad, TREND_ADS), true, "HH:mm");
                ((org.jfree.chart.axis.NumberAxis) lines.getXYPlot().getRangeAxis())
                        .setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
                add(charts, result, "Clicks per minute of the " + TREND_ADS + " most clicked ads, last hour", lines);
            }
            case GmvAnalysis.NAME -> {
                ResultTable daily = result.table(GmvAnalysis.DAILY);
                add(charts, result, "GMV per day", Charts.timeLines(null, "GMV",
                        new TimeSeriesCollection(Datasets.days(daily, "date", "gmv", "GMV")), false, "yyyy-MM-dd"));
            }
            case FunnelAnalysis.NAME -> {
                ResultTable steps = result.table(FunnelAnalysis.STEPS);
                add(charts, result, "Funnel: units reaching each step (conversion from step 1) and dropping off before"
                        + " it (share of the step before)", FunnelCharts.funnel(steps, "Reached", "Dropped off", "Units"));
                add(charts, result, "Time to convert into each step (units per bucket)",
                        FunnelCharts.times(result.table(FunnelAnalysis.TIMES), steps, "Units"));
                if (result.tables().stream().anyMatch(t -> t.name().equals(FunnelAnalysis.BREAKDOWN))) {
                    add(charts, result, "Conversion from step 1 by breakdown value (the " + BREAKDOWN_VALUES
                                    + " values with most units at step 1)",
                            FunnelCharts.breakdown(result.table(FunnelAnalysis.BREAKDOWN), steps, BREAKDOWN_VALUES,
                                    "Conversion"));
                }
                ResultTable signals = result.table(FunnelAnalysis.CORRELATION);
                add(charts, result, "Signals that go with converting and with dropping off", FunnelCharts.correlation(
                        signals, "Goes with converting", "Goes with dropping off", "ln(odds ratio)"),
                        Math.max(HEIGHT, 60 + 18 * signals.rows().size()));
            }
            // A result may hold the member tables alone (as the app shows them): no lift to chart then.
            case AudienceAnalysis.NAME -> (result.has(AudienceAnalysis.TAG_LIFT)
                    ? tagLift(result.table(AudienceAnalysis.TAG_LIFT)) : java.util.Optional.<JFreeChart>empty())
                    .ifPresent(chart -> charts.add(new ReportChart(result.analysis() + "-" + (charts.size() + 1),
                            "Tag lift: ln(odds ratio) of the " + LIFT_TAGS + " tags that go most with the target and"
                                    + " the " + LIFT_TAGS + " that go least", chart, WIDTH,
                            liftHeight(chart))));
            default -> {
                // an analysis without charts: its tables speak for it
            }
        }
        for (AudienceMembersReport.Figure figure : AudienceMembersReport.figures(result)) {
            charts.add(new ReportChart(result.analysis() + "-" + (charts.size() + 1), figure.caption(), figure.chart(),
                    WIDTH, figure.height()));
        }
        return charts;
    }

    private static JFreeChart bucketBars(ResultTable table) {
        return Charts.bars(null, "Sessions", Datasets.bars(table, "bucket", List.of("sessions"), c -> "Sessions"),
                false, PlotOrientation.VERTICAL, java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT));
    }

    /**
     * ln(odds_ratio) of tag_lift's first and last {@link #LIFT_TAGS} tags (all when there are not
     * more than twice as many), in the table's order: right of zero the tags that go with the target.
     */
    public static java.util.Optional<JFreeChart> tagLift(ResultTable lift) {
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
        return java.util.Optional.of(Charts.divergingBars(null, "ln(odds ratio)",
                Datasets.diverging(tags, logs, "Goes with the target", "Goes against it"), true));
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

    private static String seriesName(String column) {
        return switch (column) {
            case "click_count" -> "Clicks";
            case "order_count" -> "Orders";
            case "pay_count" -> "Payments";
            default -> column;
        };
    }
}
