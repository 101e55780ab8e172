package io.shoplens.engine.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;

class ProductChartsTest {

    private static final ResultTable TOP = new ResultTable("top_products",
            List.of("area", "rank", "product_id", "product_name", "clicks"),
            List.of(List.of("华北", 1L, 7L, "A", 9L), List.of("华北", 2L, 3L, "B", 5L), List.of("华东", 1L, 3L, "B", 8L)));

    @Test
    void anAreaPerGroupARankPerSeries() {
        CategoryPlot english = ProductCharts.topProducts(TOP, ChartText.ENGLISH).getCategoryPlot();
        assertThat(english.getDataset().getColumnKeys()).containsExactly("华北", "华东");
        assertThat(english.getDataset().getRowKeys()).containsExactly("#1", "#2");
        assertThat(english.getDataset().getValue("#2", "华北")).isEqualTo(5L);
        assertThat(english.getDataset().getValue("#2", "华东")).isNull();
        assertThat(english.getRangeAxis().getLabel()).isEqualTo("Clicks");

        CategoryPlot chinese = ProductCharts.topProducts(TOP, ChartText.of(Locale.SIMPLIFIED_CHINESE))
                .getCategoryPlot();
        assertThat(chinese.getDataset().getRowKeys()).containsExactly("第 1 名", "第 2 名");
        assertThat(chinese.getRangeAxis().getLabel()).isEqualTo("点击量");
    }
}
