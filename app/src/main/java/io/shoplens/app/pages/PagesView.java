package io.shoplens.app.pages;

import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import org.jfree.chart.labels.CategoryToolTipGenerator;

import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.analysis.Forms;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.PageJump;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.pages.PageCharts;

/**
 * Page jumps as a funnel of horizontal bars (step and cumulative rate), and the strict session
 * funnel; the charts are the engine's ({@link PageCharts}), as a report draws them.
 */
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
        ChartText words = chartWords();
        ResultTable jumps = result.table("page_jumps");
        ChartView jumpChart = chart("page_jumps", PageCharts.jumps(jumps, words));
        CategoryToolTipGenerator tooltip = (dataset, series, column) -> {
            List<Object> row = jumps.rows().get(column);
            return messages.get("pages.jumpTooltip", PageCharts.jumpOf(row, jumps), row.get(jumps.columnIndex("jumps")),
                    ResultTable.format(row.get(jumps.columnIndex("step_rate"))),
                    ResultTable.format(row.get(jumps.columnIndex("cumulative_rate"))));
        };
        jumpChart.getChart().getCategoryPlot().getRenderer().setDefaultToolTipGenerator(tooltip);
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
        ChartView sessions = chart("session_funnel", PageCharts.sessionFunnel(funnelTable, words));
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
}
