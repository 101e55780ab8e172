package io.shoplens.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;

/**
 * The report draws the views' charts (SessionCharts, PageCharts, GmvCharts …), in its language,
 * with category_info's names and the run's GMV periods.
 */
class ReportChartsTest {

    private static final ReportText CHINESE = ReportText.of(Locale.SIMPLIFIED_CHINESE);

    private static AnalysisResult result(String analysis) {
        return ReportFixture.results().stream().filter(r -> r.analysis().equals(analysis)).findFirst().orElseThrow();
    }

    @Test
    void sessionsReadAsTheSessionsTabDoes() {
        List<ReportChart> charts = ReportCharts.of(result("sessions"), CHINESE, Map.of(7L, "家电"),
                ReportFixture.request().gmv());
        assertThat(charts).extracting(ReportChart::caption)
                .containsExactly("访问时长（各区间会话数）", "访问步长（各区间会话数）", "热门品类：点击、下单和支付");
        assertThat(charts.get(0).chart().getCategoryPlot().getDataset().getColumnKeys())
                .containsExactly("0 秒", "1–3 秒");
        assertThat(charts.get(2).chart().getCategoryPlot().getDataset().getColumnKeys())
                .containsExactly("家电 (7)", "3");
        assertThat(charts.get(2).chart().getCategoryPlot().getDataset().getRowKeys())
                .containsExactly("点击", "下单", "支付");
    }

    @Test
    void pageJumpsAreTheirRates() {
        List<ReportChart> charts = ReportCharts.of(result("pages"), ReportText.ENGLISH);
        assertThat(charts.get(0).chart().getCategoryPlot().getOrientation()).isEqualTo(PlotOrientation.HORIZONTAL);
        assertThat(charts.get(0).chart().getCategoryPlot().getDataset().getRowKeys())
                .containsExactly("Step rate", "Cumulative rate");
    }

    @Test
    void gmvIsTheExplorersTrendWithTheRunsPeriodsAndItsBridge() {
        List<ReportChart> charts = ReportCharts.of(result("gmv"), ReportText.ENGLISH, Map.of(),
                ReportFixture.request().gmv());
        // The fixture has no gmv_breakdown: the trend and the bridge.
        assertThat(charts).extracting(ReportChart::caption).containsExactly("GMV per day",
                "GMV bridge: base GMV, the traffic, conversion and AOV effects, current GMV");
        XYPlot gmv = (XYPlot) ((CombinedDomainXYPlot) charts.get(0).chart().getPlot()).getSubplots().get(0);
        assertThat(gmv.getDomainMarkers(Layer.BACKGROUND)).hasSize(2);
        assertThat(charts.get(1).chart().getCategoryPlot().getDataset().getValue("GMV", "Current GMV"))
                .isEqualTo(330.0);
    }
}
