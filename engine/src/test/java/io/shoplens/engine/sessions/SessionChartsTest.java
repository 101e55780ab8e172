package io.shoplens.engine.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;

class SessionChartsTest {

    private static final ChartText CHINESE = ChartText.of(Locale.SIMPLIFIED_CHINESE);

    private static final ResultTable VISITS = new ResultTable("visit_length", List.of("bucket", "sessions", "ratio"),
            List.of(List.of("0s", 4L, 0.4), List.of("1s_3s", 5L, 0.5), List.of("30m", 1L, 0.1)));
    private static final ResultTable STEPS = new ResultTable("step_length", List.of("bucket", "sessions", "ratio"),
            List.of(List.of("1_3", 7L, 0.7), List.of("60", 3L, 0.3)));
    private static final ResultTable TOP = new ResultTable("top_categories",
            List.of("rank", "category_id", "click_count", "order_count", "pay_count"),
            List.of(List.of(1L, 15L, 30L, 6L, 2L), List.of(2L, 8L, 20L, 4L, 1L)));

    @Test
    void aDistributionIsABarPerBucketInWords() {
        JFreeChart english = SessionCharts.distribution(VISITS, ChartText.ENGLISH);
        CategoryDataset data = english.getCategoryPlot().getDataset();
        assertThat(data.getColumnKeys()).containsExactly("0 s", "1–3 s", "> 30 min");
        assertThat(data.getRowKeys()).containsExactly("Sessions");
        assertThat(List.of(data.getValue(0, 0), data.getValue(0, 1), data.getValue(0, 2))).containsExactly(4L, 5L, 1L);
        assertThat(english.getCategoryPlot().getRangeAxis().getLabel()).isEqualTo("Sessions");
        assertThat(english.getTitle()).isNull();
        assertThat(english.getLegend()).isNull();

        JFreeChart chinese = SessionCharts.distribution(STEPS, CHINESE);
        assertThat(chinese.getCategoryPlot().getDataset().getColumnKeys()).containsExactly("1–3 步", "60 步以上");
        assertThat(chinese.getCategoryPlot().getDataset().getRowKeys()).containsExactly("会话");
        assertThat(chinese.getCategoryPlot().getRangeAxis().getLabel()).isEqualTo("会话数");
    }

    @Test
    void topCategoriesAreNamedWhereCategoryInfoNamesThem() {
        JFreeChart english = SessionCharts.topCategories(TOP, Map.of(15L, "家电"), ChartText.ENGLISH);
        CategoryPlot plot = english.getCategoryPlot();
        assertThat(plot.getDataset().getColumnKeys()).containsExactly("家电 (15)", "8");
        assertThat(plot.getDataset().getRowKeys()).containsExactly("Clicks", "Orders", "Payments");
        assertThat(plot.getDataset().getValue("Orders", "家电 (15)")).isEqualTo(6L);
        assertThat(plot.getDataset().getValue("Payments", "8")).isEqualTo(1L);
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Count");
        assertThat(english.getLegend()).isNotNull();

        CategoryPlot chinese = SessionCharts.topCategories(TOP, Map.of(), CHINESE).getCategoryPlot();
        assertThat(chinese.getDataset().getColumnKeys()).containsExactly("15", "8");
        assertThat(chinese.getDataset().getRowKeys()).containsExactly("点击", "下单", "支付");
        assertThat(chinese.getRangeAxis().getLabel()).isEqualTo("数量");
    }
}
