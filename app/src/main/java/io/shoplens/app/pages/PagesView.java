package io.shoplens.app.pages;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.CategoryToolTipGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.analysis.Forms;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.PageJump;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.charts.Datasets;

/** Page jumps as a funnel of horizontal bars (step and cumulative rate), and the strict session funnel. */
public final class PagesView extends AnalysisView<PagesViewModel> {

    public PagesView(PagesViewModel model, Messages messages) {
        super(model, messages);
    }

    @Override
    protected void buildParameters(VBox panel) {
        TextField flow = Forms.textField("page-flow", model.pageFlowProperty());
        TextField window = Forms.textField("window-minutes", model.windowMinutesProperty());
        window.setPromptText(messages.get("pages.window.prompt"));
        panel.getChildren().addAll(
                Forms.field(messages.get("pages.flow"), flow),
                Forms.field(messages.get("pages.window"), window));
    }

    @Override
    protected void showResult(AnalysisResult result, VBox target) {
        ResultTable jumps = result.table("page_jumps");
        DefaultCategoryDataset rates = new DefaultCategoryDataset();
        String stepRate = messages.get("series.step_rate");
        String cumulative = messages.get("series.cumulative_rate");
        for (List<Object> row : jumps.rows()) {
            String jump = jumpKey(row, jumps);
            rates.addValue((Number) row.get(jumps.columnIndex("step_rate")), stepRate, jump);
            rates.addValue((Number) row.get(jumps.columnIndex("cumulative_rate")), cumulative, jump);
        }
        JFreeChart funnel = Charts.bars(null, messages.get("series.rate"), rates, true, PlotOrientation.HORIZONTAL,
                Charts.percent());
        CategoryToolTipGenerator tooltip = (dataset, series, column) -> {
            List<Object> row = jumps.rows().get(column);
            return messages.get("pages.jumpTooltip", jumpKey(row, jumps), row.get(jumps.columnIndex("jumps")),
                    ResultTable.format(row.get(jumps.columnIndex("step_rate"))),
                    ResultTable.format(row.get(jumps.columnIndex("cumulative_rate"))));
        };
        funnel.getCategoryPlot().getRenderer().setDefaultToolTipGenerator(tooltip);
        ChartView jumpChart = chart("page_jumps");
        jumpChart.setChart(funnel);
        ResultTableView jumpTable = table(jumps);
        jumpChart.setOnCategoryClicked(key -> {
            jumpTable.filterBy("from_page", key.substring(0, key.indexOf('→')));
            offerJump(jumpChart, jumpChart.lastClickOnScreen(), jumpOf(key));
        });
        int from = jumps.columnIndex("from_page");
        int to = jumps.columnIndex("to_page");
        jumpTable.setOnRowClicked((row, event) -> offerJump(jumpTable,
                new Point2D(event.getScreenX(), event.getScreenY()),
                new PageJump(((Number) row.get(from)).longValue(), ((Number) row.get(to)).longValue())));

        ResultTable funnelTable = result.table("session_funnel");
        ChartView sessions = chart("session_funnel");
        sessions.setChart(Charts.bars(null, messages.get("series.sessions"),
                Datasets.bars(funnelTable, "page_id", List.of("sessions"), c -> messages.get("series.sessions")),
                false));
        ResultTableView sessionTable = table(funnelTable);
        sessions.setOnCategoryClicked(page -> sessionTable.filterBy("page_id", page));

        target.getChildren().addAll(
                block("pages.jumps", jumpChart, jumpTable),
                block("pages.funnel", sessions, sessionTable));
    }

    /** "Filter everything by" the sessions that made {@code jump}. */
    private void offerJump(Node anchor, Point2D onScreen, PageJump jump) {
        offerLink(anchor, onScreen, FilterLink.pageJump(jump),
                messages.get("link.pageJump", String.valueOf(jump.from()), String.valueOf(jump.to())));
    }

    /** The jump of a chart category, {@code 3→4}. */
    private static PageJump jumpOf(String key) {
        return PageJump.parse(key.replace('→', '-'));
    }

    private static String jumpKey(List<Object> row, ResultTable jumps) {
        return row.get(jumps.columnIndex("from_page")) + "→" + row.get(jumps.columnIndex("to_page"));
    }
}
