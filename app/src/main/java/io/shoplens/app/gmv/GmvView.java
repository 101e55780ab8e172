package io.shoplens.app.gmv;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.TimeSeriesCollection;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartTheme;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.charts.Datasets;

/**
 * The GMV analysis under the window's filter: the explorer ({@link GmvExplorerView}) on the
 * result's cube, or the plain tables of a result recorded without one.
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
        ResultTable daily = result.table("gmv_daily");
        ChartView gmv = chart("gmv_daily");
        gmv.setChart(Charts.timeLines(null, messages.get("series.gmv"),
                new TimeSeriesCollection(Datasets.days(daily, "date", "gmv", messages.get("series.gmv"))), false,
                "yyyy-MM-dd"));
        HBox factors = new HBox(12,
                factor(daily, "sessions", 0), factor(daily, "conversion", 1), factor(daily, "aov", 2));
        factors.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));

        target.getChildren().addAll(note,
                block("gmv.daily", gmv, factors, table(daily)),
                block("gmv.breakdown", table(result.table("gmv_breakdown"))));
        if (result.tables().stream().anyMatch(t -> t.name().equals("gmv_bridge"))) {
            ResultTable bridge = result.table("gmv_bridge");
            target.getChildren().add(block("gmv.bridge", bridgeChart(bridge), table(bridge)));
        }
    }

    /** One small chart of a factor, in the palette colour that belongs to it. */
    private ChartView factor(ResultTable daily, String column, int colour) {
        ChartView chart = chart("gmv_" + column);
        String name = messages.get("series." + column);
        JFreeChart jfree = Charts.timeLines(name, null,
                new TimeSeriesCollection(Datasets.days(daily, "date", column, name)), false, "yyyy-MM-dd");
        jfree.getXYPlot().getRenderer().setSeriesPaint(0, ChartTheme.seriesPaints()[colour + 1]);
        if (column.equals("conversion")) {
            ((NumberAxis) jfree.getXYPlot().getRangeAxis()).setNumberFormatOverride(Charts.percent());
        }
        ((NumberAxis) jfree.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        chart.setChart(jfree);
        chart.setPrefHeight(200);
        chart.setMinHeight(180);
        chart.setPrefWidth(260);
        return chart;
    }

    /** The shop's total change split into its three effects (the bars of a bridge). */
    private ChartView bridgeChart(ResultTable bridge) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int dimension = bridge.columnIndex("dimension");
        for (List<Object> row : bridge.rows()) {
            if ("all".equals(row.get(dimension))) {
                for (String effect : List.of("traffic_effect", "conversion_effect", "aov_effect", "delta")) {
                    data.addValue((Number) row.get(bridge.columnIndex(effect)), messages.get("series.gmv"),
                            messages.get("series." + effect));
                }
            }
        }
        ChartView chart = chart("gmv_bridge");
        chart.setChart(Charts.bars(null, messages.get("series.gmv"), data, false));
        chart.setPrefHeight(240);
        return chart;
    }
}
