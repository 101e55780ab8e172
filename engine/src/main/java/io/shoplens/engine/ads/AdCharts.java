package io.shoplens.engine.ads;

import java.time.LocalDate;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.charts.Datasets;

/**
 * The ad-click analysis' charts, drawn alike by the app's Ads view and by reports: the top ads
 * of each province on the latest day, and the busiest ads' clicks per minute in the last hour.
 */
public final class AdCharts {

    /** Lines in the per-minute chart: the busiest ads, as many as the palette has colours; more are a tangle. */
    public static final int TREND_ADS = 6;

    private AdCharts() {
    }

    /** The latest day's rows of top_ads ({@link TopAds#dataset}), titled with that day. */
    public static JFreeChart topAds(ResultTable top, ChartText words) {
        LocalDate latest = TopAds.latestDay(top);
        return Charts.bars(latest == null ? null : words.get("title.topAdsOn", latest.toString()),
                words.get("axis.clicks"), TopAds.dataset(TopAds.on(top, latest, null), words), true);
    }

    /**
     * minute_trend as a line per ad of the {@link #TREND_ADS} with most clicks, quiet minutes at 0
     * ({@link Datasets#minutesFilled}).
     */
    public static JFreeChart minuteTrend(ResultTable trend, ChartText words) {
        JFreeChart chart = Charts.timeLines(null, words.get("axis.clicks"), Datasets.minutesFilled(trend, "minute",
                "ad_id", "clicks", ad -> words.get("series.ad", String.valueOf(ad)), TREND_ADS), true, "HH:mm");
        // Clicks are whole: ticks of 0.5 clicks would suggest otherwise.
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }
}
