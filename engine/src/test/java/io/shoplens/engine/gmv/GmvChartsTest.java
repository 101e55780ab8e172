package io.shoplens.engine.gmv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;

/** The GMV charts on hand-made tables, read back as totals the way a report does ({@link GmvTables}). */
class GmvChartsTest {

    private static final GmvCharts ENGLISH = new GmvCharts(ChartText.ENGLISH);
    private static final GmvCharts CHINESE = new GmvCharts(ChartText.of(Locale.SIMPLIFIED_CHINESE));

    private static final ResultTable DAILY = new ResultTable(GmvAnalysis.DAILY, GmvAnalysis.DAILY_COLUMNS, List.of(
            List.of(LocalDate.of(2019, 7, 17), 100L, 10L, 2000.0, 0.1, 200.0),
            List.of(LocalDate.of(2019, 7, 18), 80L, 4L, 1000.0, 0.05, 250.0)));
    private static final ResultTable BREAKDOWN = new ResultTable(GmvAnalysis.BREAKDOWN,
            GmvAnalysis.BREAKDOWN_COLUMNS, List.of(
                    List.of("channel", "search", 120L, 9L, 1800.0, 0.075, 200.0),
                    List.of("channel", "display_ad", 60L, 5L, 1200.0, 1.0 / 12, 240.0),
                    List.of("area", "华东", 180L, 14L, 3000.0, 14.0 / 180, 3000.0 / 14)));
    private static final ResultTable BRIDGE = new ResultTable(GmvAnalysis.BRIDGE, GmvAnalysis.BRIDGE_COLUMNS,
            List.of(List.of("channel", "search", 1000.0, 800.0, -200.0, -50.0, -100.0, -50.0),
                    List.of("all", "(total)", 2000.0, 1000.0, -1000.0, -400.0, -700.0, 100.0)));

    @Test
    void theTrendIsGmvOverItsThreeFactorsPerDay() {
        JFreeChart english = ENGLISH.trend(GmvTables.daily(DAILY), new DateRange(LocalDate.of(2019, 7, 17),
                LocalDate.of(2019, 7, 17)), new DateRange(LocalDate.of(2019, 7, 18), LocalDate.of(2019, 7, 18)));
        List<XYPlot> plots = ((CombinedDomainXYPlot) english.getPlot()).getSubplots();
        assertThat(plots).extracting(p -> p.getDataset().getSeriesKey(0))
                .containsExactly("GMV", "Sessions", "Conversion", "Average order value");
        assertThat(plots).extracting(p -> p.getRangeAxis().getLabel())
                .containsExactly("GMV", "Sessions", "Conversion", "AOV");
        assertThat(List.of(plots.get(0).getDataset().getYValue(0, 0), plots.get(0).getDataset().getYValue(0, 1)))
                .containsExactly(2000.0, 1000.0);
        assertThat(plots.get(1).getDataset().getYValue(0, 1)).isEqualTo(80.0);
        assertThat(plots.get(2).getDataset().getYValue(0, 1)).isEqualTo(0.05);
        assertThat(plots.get(3).getDataset().getYValue(0, 0)).isEqualTo(200.0);
        assertThat(plots.get(0).getDomainMarkers(Layer.BACKGROUND)).extracting(m -> ((IntervalMarker) m).getLabel())
                .containsExactly("Base period", "Current period");

        JFreeChart chinese = CHINESE.trend(GmvTables.daily(DAILY), null, null);
        List<XYPlot> zh = ((CombinedDomainXYPlot) chinese.getPlot()).getSubplots();
        assertThat(zh).extracting(p -> p.getDataset().getSeriesKey(0)).containsExactly("GMV", "会话", "转化率", "客单价");
        assertThat(zh).extracting(p -> p.getRangeAxis().getLabel()).containsExactly("GMV", "会话数", "转化率", "客单价");
        assertThat(zh.get(0).getDomainMarkers(Layer.BACKGROUND)).isNull();
    }

    @Test
    void theBreakdownIsAPlotPerFactorOverOneDimensionsValues() {
        Map<String, GmvTotals> channels = GmvTables.breakdown(BREAKDOWN, GmvDimension.CHANNEL);
        List<CategoryPlot> plots = ((CombinedDomainCategoryPlot) ENGLISH.breakdown(channels).getPlot()).getSubplots();
        assertThat(plots).extracting(p -> p.getDataset().getRowKey(0))
                .containsExactly("Sessions", "Conversion", "Average order value", "GMV");
        assertThat(plots.get(0).getDataset().getColumnKeys()).containsExactly("search", "display_ad");
        assertThat(plots.get(0).getDataset().getValue(0, 1)).isEqualTo(60.0);
        assertThat(plots.get(3).getDataset().getValue(0, 0)).isEqualTo(1800.0);
        assertThat(plots.get(2).getRangeAxis().getLabel()).isEqualTo("AOV");

        List<CategoryPlot> zh = ((CombinedDomainCategoryPlot) CHINESE.breakdown(channels).getPlot()).getSubplots();
        assertThat(zh).extracting(p -> p.getRangeAxis().getLabel()).containsExactly("会话数", "转化率", "客单价", "GMV");
    }

    @Test
    void theWaterfallFloatsTheEffectsBetweenTheTotals() {
        Lmdi.BridgeRow shop = GmvTables.shop(BRIDGE).orElseThrow();
        CategoryDataset english = ENGLISH.waterfall(shop).getCategoryPlot().getDataset();
        assertThat(english.getColumnKeys())
                .containsExactly("Base GMV", "Traffic", "Conversion", "AOV", "Current GMV");
        assertThat(english.getRowKeys()).containsExactly("", "GMV", "Increase", "Decrease");
        assertThat(english.getValue("GMV", "Base GMV")).isEqualTo(2000.0);
        // Traffic takes 400 off 2000: a falling bar from 1600 up to 2000.
        assertThat(english.getValue("", "Traffic")).isEqualTo(1600.0);
        assertThat(english.getValue("Decrease", "Traffic")).isEqualTo(400.0);
        assertThat(english.getValue("Increase", "AOV")).isEqualTo(100.0);
        assertThat(english.getValue("GMV", "Current GMV")).isEqualTo(1000.0);
        assertThat(ENGLISH.waterfall(shop).getCategoryPlot().getRangeAxis().getLabel()).isEqualTo("GMV");
        // Totals labelled in money, effects signed, nothing on the invisible base or the empty parts.
        var labels = ENGLISH.waterfall(shop).getCategoryPlot().getRenderer().getDefaultItemLabelGenerator();
        assertThat(labels.generateLabel(english, 1, 0)).isEqualTo("¥2,000.00");
        assertThat(labels.generateLabel(english, 3, 1)).isEqualTo("\u2212¥400");
        assertThat(labels.generateLabel(english, 0, 1)).isNull();
        assertThat(labels.generateLabel(english, 2, 1)).isNull();

        CategoryDataset chinese = CHINESE.waterfall(shop).getCategoryPlot().getDataset();
        assertThat(chinese.getColumnKeys()).containsExactly("基期 GMV", "流量", "转化率", "客单价", "当期 GMV");
        assertThat(chinese.getRowKeys()).containsExactly("", "GMV", "增加", "减少");
    }

    @Test
    void aBridgeWithoutTheShopsRowHasNoWaterfall() {
        assertThat(GmvTables.shop(new ResultTable(GmvAnalysis.BRIDGE, GmvAnalysis.BRIDGE_COLUMNS,
                List.of(BRIDGE.rows().get(0))))).isEmpty();
    }

    @Test
    void paidAgainstFreeTraffic() {
        Map<LocalDate, GmvTotals> daily = GmvTables.daily(DAILY);
        JFreeChart lines = CHINESE.paidFree(daily, Map.of());
        assertThat(lines.getXYPlot().getDataset().getSeriesKey(0)).isEqualTo("付费流量");
        assertThat(lines.getXYPlot().getDataset().getSeriesKey(1)).isEqualTo("免费流量");
        Lmdi.BridgeRow shop = GmvTables.shop(BRIDGE).orElseThrow();
        CategoryDataset sides = ENGLISH.sideEffects(shop, shop).getCategoryPlot().getDataset();
        assertThat(sides.getRowKeys()).containsExactly("Paid traffic", "Free traffic");
        assertThat(sides.getColumnKeys()).containsExactly("Traffic", "Conversion", "AOV", "Change");
        assertThat(sides.getValue("Free traffic", "Change")).isEqualTo(-1000.0);
    }
}
