package io.shoplens.app.gmv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.gmv.GmvCharts;
import io.shoplens.engine.gmv.GmvTables;
import io.shoplens.engine.gmv.GmvTotals;

/**
 * The GMV analysis under the window's filter: the explorer ({@link GmvExplorerView}) on the
 * result's cube, or, for a result recorded without one, the engine's trend and bridge charts
 * ({@link GmvCharts}) over its tables, as a report draws them.
 */
public final class GmvView extends AnalysisView<GmvViewModel> {

    private final GmvExplorerView explorer;

    public GmvView(GmvViewModel model, Messages messages) {
        super(model, messages);
        explorer = new GmvExplorerView(model.explorer(), messages, model::filterEverythingBy);
    }

    @Override
    protected void showResult(AnalysisResult result, VBox target) {
        if (model.explorer().cubeProperty().get() != null) {
            target.getChildren().add(explorer);
            return;
        }
        // A result recorded before the analysis kept its cube: its tables as they are, and a word on how to explore.
        Label note = new Label(messages.get("gmv.noCube"));
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        ResultTable daily = result.table(GmvAnalysis.DAILY);
        GmvCharts charts = new GmvCharts(chartWords());
        GmvTooltips tooltips = new GmvTooltips(messages);
        Map<LocalDate, GmvTotals> days = GmvTables.daily(daily);
        ChartView trend = chart("gmv_trend", tooltips.trend(charts.trend(days, null, null), days));
        trend.setPrefHeight(560);
        target.getChildren().addAll(note,
                block("gmv.daily", trend, table(daily)),
                block("gmv.breakdown", table(result.table(GmvAnalysis.BREAKDOWN))));
        if (result.has(GmvAnalysis.BRIDGE)) {
            ResultTable bridge = result.table(GmvAnalysis.BRIDGE);
            List<Node> content = new ArrayList<>();
            GmvTables.shop(bridge).ifPresent(shop -> {
                ChartView waterfall = chart("gmv_waterfall", tooltips.waterfall(charts.waterfall(shop), shop));
                waterfall.setPrefHeight(320);
                content.add(waterfall);
            });
            content.add(table(bridge));
            target.getChildren().add(block("gmv.bridge", content.toArray(Node[]::new)));
        }
    }
}
