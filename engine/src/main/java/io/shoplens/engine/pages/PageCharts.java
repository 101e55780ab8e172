package io.shoplens.engine.pages;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.charts.Datasets;

/**
 * The page-conversion analysis' charts, drawn alike by the app's Pages view and by reports: the
 * jumps along the flow as a funnel of rates, and the strict session funnel.
 */
public final class PageCharts {

    private PageCharts() {
    }

    /**
     * page_jumps as horizontal bars, a jump per row ("1→2"), its step rate beside its cumulative
     * rate: the rates are what a page flow is judged by, the counts are in the table.
     */
    public static JFreeChart jumps(ResultTable jumps, ChartText words) {
        DefaultCategoryDataset rates = new DefaultCategoryDataset();
        String stepRate = words.get("series.stepRate");
        String cumulative = words.get("series.cumulativeRate");
        for (List<Object> row : jumps.rows()) {
            String jump = jumpOf(row, jumps);
            rates.addValue((Number) row.get(jumps.columnIndex("step_rate")), stepRate, jump);
            rates.addValue((Number) row.get(jumps.columnIndex("cumulative_rate")), cumulative, jump);
        }
        return Charts.bars(null, words.get("axis.rate"), rates, true, PlotOrientation.HORIZONTAL, Charts.percent());
    }

    /** "1→2": how a row of page_jumps is named on the chart. */
    public static String jumpOf(List<Object> row, ResultTable jumps) {
        return row.get(jumps.columnIndex("from_page")) + "→" + row.get(jumps.columnIndex("to_page"));
    }

    /** session_funnel: the sessions that reached each page of the flow in order. */
    public static JFreeChart sessionFunnel(ResultTable funnel, ChartText words) {
        String sessions = words.get("series.sessions");
        return Charts.bars(null, words.get("axis.sessions"),
                Datasets.bars(funnel, "page_id", List.of("sessions"), column -> sessions), false);
    }
}
