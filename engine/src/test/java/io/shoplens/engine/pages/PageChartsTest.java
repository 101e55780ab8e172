package io.shoplens.engine.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;

class PageChartsTest {

    private static final ChartText CHINESE = ChartText.of(Locale.SIMPLIFIED_CHINESE);

    private static final ResultTable JUMPS = new ResultTable("page_jumps",
            List.of("from_page", "to_page", "jumps", "from_visits", "step_rate", "cumulative_rate"),
            List.of(List.of(1L, 2L, 40L, 100L, 0.4, 0.4), List.of(2L, 3L, 10L, 50L, 0.2, 0.08)));
    private static final ResultTable FUNNEL = new ResultTable("session_funnel", List.of("page_id", "sessions"),
            List.of(List.of(1L, 100L), List.of(2L, 40L), List.of(3L, 8L)));

    @Test
    void jumpsAreRatesAlongTheFlow() {
        JFreeChart english = PageCharts.jumps(JUMPS, ChartText.ENGLISH);
        CategoryPlot plot = english.getCategoryPlot();
        assertThat(plot.getOrientation()).isEqualTo(PlotOrientation.HORIZONTAL);
        assertThat(plot.getDataset().getColumnKeys()).containsExactly("1→2", "2→3");
        assertThat(plot.getDataset().getRowKeys()).containsExactly("Step rate", "Cumulative rate");
        assertThat(plot.getDataset().getValue("Step rate", "2→3")).isEqualTo(0.2);
        assertThat(plot.getDataset().getValue("Cumulative rate", "2→3")).isEqualTo(0.08);
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("Rate");

        CategoryPlot chinese = PageCharts.jumps(JUMPS, CHINESE).getCategoryPlot();
        assertThat(chinese.getDataset().getRowKeys()).containsExactly("单步转化率", "累计转化率");
        assertThat(chinese.getRangeAxis().getLabel()).isEqualTo("转化率");
    }

    @Test
    void theSessionFunnelIsABarPerPage() {
        CategoryPlot english = PageCharts.sessionFunnel(FUNNEL, ChartText.ENGLISH).getCategoryPlot();
        assertThat(english.getDataset().getColumnKeys()).containsExactly("1", "2", "3");
        assertThat(english.getDataset().getRowKeys()).containsExactly("Sessions");
        assertThat(english.getDataset().getValue("Sessions", "3")).isEqualTo(8L);
        assertThat(english.getRangeAxis().getLabel()).isEqualTo("Sessions");

        CategoryPlot chinese = PageCharts.sessionFunnel(FUNNEL, CHINESE).getCategoryPlot();
        assertThat(chinese.getDataset().getRowKeys()).containsExactly("会话");
        assertThat(chinese.getRangeAxis().getLabel()).isEqualTo("会话数");
    }
}
