package io.shoplens.engine.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.time.TimeSeriesCollection;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;

class AdChartsTest {

    private static final ChartText CHINESE = ChartText.of(Locale.SIMPLIFIED_CHINESE);

    private static final ResultTable TOP = new ResultTable("top_ads",
            List.of("date", "province", "rank", "ad_id", "clicks"),
            List.of(List.of(LocalDate.of(2019, 9, 8), "广东", 1L, 4L, 50L),
                    List.of(LocalDate.of(2019, 9, 9), "广东", 1L, 2L, 12L),
                    List.of(LocalDate.of(2019, 9, 9), "广东", 2L, 4L, 7L),
                    List.of(LocalDate.of(2019, 9, 9), "江苏", 1L, 4L, 9L)));

    @Test
    void topAdsShowTheLatestDay() {
        JFreeChart english = AdCharts.topAds(TOP, ChartText.ENGLISH);
        CategoryPlot plot = english.getCategoryPlot();
        assertThat(english.getTitle().getText()).isEqualTo("Top ads on 2019-09-09");
        assertThat(plot.getDataset().getColumnKeys()).containsExactly("广东", "江苏");
        assertThat(plot.getDataset().getRowKeys()).containsExactly("#1", "#2");
        assertThat(plot.getDataset().getValue("#1", "广东")).isEqualTo(12L);
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Clicks");

        JFreeChart chinese = AdCharts.topAds(TOP, CHINESE);
        assertThat(chinese.getTitle().getText()).isEqualTo("2019-09-09 的 Top 广告");
        assertThat(chinese.getCategoryPlot().getDataset().getRowKeys()).containsExactly("第 1 名", "第 2 名");
        assertThat(chinese.getCategoryPlot().getRangeAxis().getLabel()).isEqualTo("点击量");

        ResultTable none = new ResultTable("top_ads", TOP.columns(), List.of());
        assertThat(AdCharts.topAds(none, ChartText.ENGLISH).getTitle()).isNull();
    }

    @Test
    void theTrendDrawsTheBusiestAdsWithQuietMinutesAtZero() {
        LocalDateTime start = LocalDateTime.of(2019, 9, 9, 10, 0);
        List<List<Object>> rows = new ArrayList<>();
        // Ads 1..7, ad n with n clicks at 10:00 and ad 7 again at 10:02: ad 1 is the quietest.
        for (long ad = 1; ad <= 7; ad++) {
            rows.add(List.of(start, ad, ad));
        }
        rows.add(List.of(start.plusMinutes(2), 7L, 3L));
        ResultTable trend = new ResultTable("minute_trend", List.of("minute", "ad_id", "clicks"), rows);

        JFreeChart english = AdCharts.minuteTrend(trend, ChartText.ENGLISH);
        TimeSeriesCollection data = (TimeSeriesCollection) english.getXYPlot().getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(AdCharts.TREND_ADS);
        assertThat(data.getSeries(0).getKey()).isEqualTo("Ad 7");
        assertThat(data.getSeries(5).getKey()).isEqualTo("Ad 2");
        assertThat(List.of(data.getY(0, 0), data.getY(0, 1), data.getY(0, 2))).containsExactly(7.0, 0.0, 3.0);
        assertThat(english.getXYPlot().getRangeAxis().getLabel()).isEqualTo("Clicks");

        JFreeChart chinese = AdCharts.minuteTrend(trend, CHINESE);
        assertThat(((TimeSeriesCollection) chinese.getXYPlot().getDataset()).getSeries(0).getKey())
                .isEqualTo("广告 7");
        assertThat(chinese.getXYPlot().getRangeAxis().getLabel()).isEqualTo("点击量");
    }
}
