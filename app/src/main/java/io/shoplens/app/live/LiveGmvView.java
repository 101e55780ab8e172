package io.shoplens.app.live;

import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.time.Minute;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.ResultBlocks;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.charts.DatasetUpdates;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.live.LiveGmvUpdate;

/**
 * The live GMV view: today's sessions, orders, GMV, conversion and AOV as big numbers with their
 * change against the same time yesterday; GMV per minute with sessions and conversion under it;
 * the paid/free split and the page funnel, each updated in place after every micro-batch. Charts
 * and tables are built once; an update only puts new values in (on the FX thread).
 */
public final class LiveGmvView extends BorderPane {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final LiveGmvViewModel model;
    private final Messages messages;
    private final FlowPane tiles = new FlowPane(12, 12);
    private final TimeSeriesCollection gmvData = new TimeSeriesCollection();
    private final TimeSeriesCollection sessionsData = new TimeSeriesCollection();
    private final TimeSeriesCollection conversionData = new TimeSeriesCollection();
    private final ChartView gmvChart = new ChartView();
    private final ChartView sessionsChart = new ChartView();
    private final ChartView conversionChart = new ChartView();
    private final ResultTableView split;
    private final ResultTableView funnel;
    private final ResultTableView jumps;

    public LiveGmvView(LiveGmvViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        setId("live-gmv-view");
        getStyleClass().addAll("live-view", "analysis-view");

        gmvChart.setId("chart-live_gmv_minutes");
        gmvChart.setChart(Charts.timeLines(null, messages.get("live.gmv.series.gmv"), gmvData, false, "HH:mm"));
        sessionsChart.setId("chart-live_gmv_sessions");
        sessionsChart.setChart(Charts.timeLines(null, messages.get("live.gmv.series.sessions"), sessionsData, false,
                "HH:mm"));
        conversionChart.setId("chart-live_gmv_conversion");
        conversionChart.setChart(Charts.timeLines(null, messages.get("live.gmv.series.conversion"), conversionData,
                false, "HH:mm"));
        ((NumberAxis) conversionChart.getChart().getXYPlot().getRangeAxis()).setNumberFormatOverride(Charts.percent());
        for (ChartView chart : List.of(gmvChart, sessionsChart, conversionChart)) {
            // From zero: a minute with half the GMV should look like half.
            ((NumberAxis) chart.getChart().getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        }
        sessionsChart.setPrefHeight(160);
        conversionChart.setPrefHeight(160);
        split = table("gmv_paid_free");
        funnel = table("session_funnel");
        jumps = table("page_jumps");

        Label through = new Label();
        through.setId("live-gmv-through");
        through.setWrapText(true);
        through.getStyleClass().add(Styles.TEXT_MUTED);
        through.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.statusProperty().get() == null && model.updateProperty().get() == null
                        ? messages.get("live.gmv.notWatching")
                        : model.throughProperty().get().isEmpty() ? messages.get("live.gmv.waiting")
                        : messages.get(throughKey(model.dayBeforeProperty().get()), model.throughProperty().get()),
                model.throughProperty(), model.statusProperty(), model.updateProperty(), model.dayBeforeProperty()));
        tiles.setId("live-gmv-tiles");
        VBox head = new VBox(10, through, tiles, waitingOrders(), malformed());
        head.setPadding(new Insets(14, 20, 12, 20));
        setTop(head);

        VBox results = new VBox(18,
                ResultBlocks.block(messages.get("live.gmv.minutes"), gmvChart, sessionsChart, conversionChart),
                ResultBlocks.block(messages.get("live.gmv.split"), split),
                ResultBlocks.block(messages.get("live.gmv.funnel"), funnel, jumps));
        results.setPadding(new Insets(4, 20, 20, 20));
        ScrollPane scroll = new ScrollPane(results);
        scroll.setFitToWidth(true);
        // Empty charts of nothing read tell nothing: they appear with the first update.
        scroll.visibleProperty().bind(model.updateProperty().isNotNull());
        setCenter(scroll);

        model.bigNumbers().addListener((javafx.collections.ListChangeListener<LiveGmvViewModel.BigNumber>) c ->
                showTiles());
        model.updateProperty().addListener((obs, old, update) -> {
            if (update != null) {
                show(update);
            }
        });
    }

    public LiveGmvViewModel model() {
        return model;
    }

    private void showTiles() {
        tiles.getChildren().clear();
        for (LiveGmvViewModel.BigNumber n : model.bigNumbers()) {
            Label name = new Label(messages.get("live.gmv.measure." + n.measure()));
            name.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = new Label(format(n.measure(), n.today()));
            value.setId("live-gmv-" + n.measure());
            value.getStyleClass().add(Styles.TITLE_2);
            Label change = new Label(n.change() == null ? messages.get("live.gmv.noYesterday")
                    : messages.get("live.gmv.change", signedPercent(n.change()), format(n.measure(), n.yesterday())));
            change.setId("live-gmv-" + n.measure() + "-change");
            if (n.change() != null && n.change() != 0) {
                change.getStyleClass().add(n.change() > 0 ? Styles.SUCCESS : Styles.DANGER);
            }
            VBox tile = new VBox(2, name, value, change);
            tile.getStyleClass().add("live-gmv-tile");
            tile.setPadding(new Insets(8, 14, 8, 14));
            tile.setMinWidth(150);
            tiles.getChildren().add(tile);
        }
    }

    /** Hidden while none wait: a mapping with sessions never has any. */
    private Node waitingOrders() {
        Label waiting = new Label();
        waiting.setId("live-gmv-waiting");
        waiting.setWrapText(true);
        waiting.getStyleClass().add(Styles.WARNING);
        waiting.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("live.gmv.waitingOrders", model.waitingOrdersProperty().get()),
                model.waitingOrdersProperty()));
        waiting.visibleProperty().bind(model.waitingOrdersProperty().greaterThan(0));
        waiting.managedProperty().bind(waiting.visibleProperty());
        return waiting;
    }

    private static String throughKey(LiveGmvUpdate.DayBefore dayBefore) {
        return switch (dayBefore) {
            case STREAM -> "live.gmv.through";
            case IMPORTED -> "live.gmv.through.imported";
            case NONE -> "live.gmv.through.none";
        };
    }

    /** The ad-click view's malformed panel: the count in its title, the latest samples inside. */
    private Node malformed() {
        ListView<String> samples = new ListView<>(model.malformedSamples());
        samples.setId("live-gmv-malformed-samples");
        samples.setPrefHeight(120);
        samples.setPlaceholder(new Label(messages.get("live.malformed.none")));
        TitledPane pane = new TitledPane(null, samples);
        pane.setId("live-gmv-malformed-pane");
        NumberFormat count = NumberFormat.getIntegerInstance(messages.locale());
        pane.textProperty().bind(Bindings.createStringBinding(() -> model.readsOrdersProperty().get()
                        ? messages.get("live.gmv.malformed.title", count.format(model.malformedProperty().get()),
                                count.format(model.malformedActionsProperty().get()),
                                count.format(model.malformedOrdersProperty().get()))
                        : messages.get("live.malformed.title", count.format(model.malformedProperty().get())),
                model.malformedProperty(), model.malformedActionsProperty(), model.malformedOrdersProperty(),
                model.readsOrdersProperty()));
        pane.setExpanded(false);
        pane.setAnimated(false);
        // Nothing read, nothing malformed to speak of.
        pane.visibleProperty().bind(model.updateProperty().isNotNull());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private void show(LiveGmvUpdate update) {
        ResultTable minutes = update.table("gmv_minutes");
        TimeSeries gmv = new TimeSeries(messages.get("live.gmv.series.gmv"));
        TimeSeries sessions = new TimeSeries(messages.get("live.gmv.series.sessions"));
        TimeSeries conversion = new TimeSeries(messages.get("live.gmv.series.conversion"));
        for (List<Object> row : minutes.rows()) {
            Minute minute = new Minute(java.sql.Timestamp.valueOf(
                    LocalDateTime.parse((String) row.get(0), MINUTE)));
            gmv.add(minute, (Double) row.get(minutes.columnIndex("gmv")));
            sessions.add(minute, (Long) row.get(minutes.columnIndex("sessions")));
            conversion.add(minute, (Double) row.get(minutes.columnIndex("conversion")));
        }
        replace(gmvChart, gmvData, gmv);
        replace(sessionsChart, sessionsData, sessions);
        replace(conversionChart, conversionData, conversion);
        split.update(update.table("gmv_paid_free"));
        funnel.update(update.table("session_funnel"));
        jumps.update(update.table("page_jumps"));
    }

    private static void replace(ChartView chart, TimeSeriesCollection target, TimeSeries series) {
        TimeSeriesCollection fresh = new TimeSeriesCollection(series);
        DatasetUpdates.quietly(chart.getChart(), () -> DatasetUpdates.replace(target, fresh));
    }

    private ResultTableView table(String name) {
        ResultTableView view = new ResultTableView(messages);
        view.setId("table-live_" + name);
        view.setTable(new ResultTable(name, List.of(), List.of()));
        return view;
    }

    private static String format(String measure, Double value) {
        if (value == null) {
            return "–";
        }
        return switch (measure) {
            case "sessions", "orders" -> NumberFormat.getIntegerInstance(Locale.ROOT).format(value);
            case "conversion" -> String.format(Locale.ROOT, "%.1f%%", value * 100);
            default -> String.format(Locale.ROOT, "%,.2f", value);
        };
    }

    private static String signedPercent(double change) {
        return String.format(Locale.ROOT, "%+.1f%%", change * 100);
    }
}
