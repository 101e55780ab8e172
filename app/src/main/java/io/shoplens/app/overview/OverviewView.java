package io.shoplens.app.overview;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.FreshnessLine;
import io.shoplens.app.analysis.ResultBlocks;
import io.shoplens.app.analysis.SuspectsLine;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.charts.ChartTheme;

/** The overview's tiles (a number and its sparkline each), the date range and the rows per log kind. */
public final class OverviewView extends BorderPane {

    private final OverviewViewModel model;
    private final FlowPane tiles = new FlowPane(14, 14);

    public OverviewView(OverviewViewModel model, Messages messages) {
        this.model = model;
        setId("overview-view");
        getStyleClass().add("analysis-view");

        Label dates = new Label();
        dates.setId("overview-dates");
        dates.getStyleClass().add(Styles.TITLE_3);
        dates.textProperty().bind(model.datesProperty());
        Label rows = new Label();
        rows.setId("overview-rows");
        rows.setWrapText(true);
        rows.getStyleClass().add(Styles.TEXT_MUTED);
        rows.textProperty().bind(model.rowsProperty());
        tiles.setId("overview-tiles");
        HBox suspectLine = SuspectsLine.of("overview",
                model.suspectsProperty(), model.canExcludeSuspectsProperty(), model::excludeSuspects, messages);
        VBox page = new VBox(14, dates, rows, tiles, suspectLine);
        page.setPadding(new Insets(18, 20, 20, 20));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("result-scroll");

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(28, 28);
        busy.visibleProperty().bind(model.runningProperty());
        VBox empty = ResultBlocks.emptyState(
                Bindings.when(model.hasDataProperty()).then(messages.get("overview.computing.title"))
                        .otherwise(messages.get("empty.noData.title")),
                Bindings.when(model.hasDataProperty()).then(messages.get("overview.computing.hint"))
                        .otherwise(messages.get("empty.noData.hint")));
        empty.getChildren().add(0, busy);
        StackPane center = new StackPane(empty, scroll);
        scroll.visibleProperty().bind(model.overviewProperty().isNotNull());
        empty.visibleProperty().bind(model.overviewProperty().isNull());
        setTop(FreshnessLine.of(model.runningProperty(), model.freshness().staleProperty(),
                model.overviewProperty().isNotNull(), messages));
        setCenter(center);

        model.tiles().addListener((ListChangeListener<OverviewTile>) c -> draw());
        draw();
    }

    public OverviewViewModel model() {
        return model;
    }

    private void draw() {
        java.awt.Paint[] paints = ChartTheme.seriesPaints();
        tiles.getChildren().clear();
        int i = 0;
        for (OverviewTile tile : model.tiles()) {
            Label label = new Label(tile.label());
            label.getStyleClass().add("overview-label");
            Label value = new Label(tile.value());
            value.setId("overview-" + tile.id());
            value.getStyleClass().add("overview-value");
            VBox box = new VBox(4, label, value);
            if (!tile.days().isEmpty()) {
                ChartView spark = new ChartView();
                spark.setId("spark-" + tile.id());
                spark.setChart(Sparklines.of(tile.label(), tile.days(), tile.values(), paints[i % paints.length]));
                spark.setMinHeight(56);
                spark.setPrefHeight(56);
                box.getChildren().add(spark);
            }
            box.getStyleClass().add("overview-tile");
            box.setPrefWidth(250);
            tiles.getChildren().add(box);
            i++;
        }
    }
}
