package io.shoplens.app.live;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.TimeSeriesCollection;

import atlantafx.base.theme.Styles;
import io.shoplens.app.ads.ProvinceByAd;
import io.shoplens.app.ads.TopAdTooltips;
import io.shoplens.app.analysis.ResultBlocks;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.charts.DatasetUpdates;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.ads.AdCharts;
import io.shoplens.engine.ads.TopAds;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.charts.Datasets;
import io.shoplens.engine.live.LiveStatus;

/**
 * Live ad clicks: status and counters on top, the day shown (the open day, live, or a past day),
 * then the batch ads view's pieces (per-minute trend, top-3 ads per province, province × ad table,
 * blacklist) of that day. The charts are built once; each micro-batch puts its values into their
 * datasets, so they redraw without flicker.
 */
public final class LiveView extends BorderPane {

    /** On the malformed counter when there are any. */
    private static final PseudoClass SOME = PseudoClass.getPseudoClass("some");

    private final LiveViewModel model;
    private final Messages messages;
    /** The words of the ads view's charts (AdCharts), so both tabs name ranks and ads alike. */
    private final ChartText words;
    private final TimeSeriesCollection trendData = new TimeSeriesCollection();
    private final DefaultCategoryDataset topData = new DefaultCategoryDataset();
    private final ChartView trend = new ChartView();
    private final ChartView top = new ChartView();
    private final ResultTableView topTable;
    private final ResultTableView provinceByAd;
    private final ResultTableView blacklist;

    public LiveView(LiveViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        this.words = ChartText.of(messages.locale());
        getStyleClass().addAll("live-view", "analysis-view");
        setId("live-view");

        trend.setId("chart-live_minute_trend");
        trend.setChart(Charts.timeLines(null, messages.get("series.clicks"), trendData, true, "HH:mm"));
        // From zero: a minute with half the clicks should look like half.
        ((NumberAxis) trend.getChart().getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        top.setId("chart-live_top_ads");
        JFreeChart bars = Charts.bars(null, messages.get("series.clicks"), topData, true);
        bars.getCategoryPlot().getRenderer().setDefaultToolTipGenerator(
                TopAdTooltips.of(() -> model.topShownProperty().get(), messages));
        top.setChart(bars);
        topTable = table("live_top_ads");
        top.setOnCategoryClicked(province -> model.provinceProperty().set(Optional.of(province)));
        provinceByAd = table("live_province_by_ad");
        blacklist = table("live_blacklist");

        VBox head = new VBox(12, statusRow(), counters(), dayRow());
        head.getStyleClass().add("live-head");
        head.setPadding(new Insets(14, 20, 12, 20));
        setTop(head);

        VBox results = new VBox(18,
                malformed(),
                block("live.trend", trend),
                block("live.top", provincePicker(), top, topTable),
                block(null, provinceByAd),
                block(null, blacklist));
        results.getStyleClass().add("results");
        results.setPadding(new Insets(4, 20, 20, 20));
        ScrollPane scroll = new ScrollPane(results);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("result-scroll");
        Node empty = emptyState();
        scroll.visibleProperty().bind(model.updateProperty().isNotNull());
        empty.visibleProperty().bind(model.updateProperty().isNull());
        setCenter(new StackPane(empty, scroll));

        model.shownProperty().addListener((obs, old, tables) -> {
            if (tables != null) {
                show(tables);
            }
        });
        model.topShownProperty().addListener((obs, old, shown) -> showTop(shown));
    }

    public LiveViewModel model() {
        return model;
    }

    /** One day's tables (a micro-batch's, or a past day's): new values into the charts' datasets and the tables' rows. */
    private void show(LiveTables tables) {
        TimeSeriesCollection fresh = Datasets.minutesFilled(tables.table("minute_trend"), "minute", "ad_id",
                "clicks", ad -> words.get("series.ad", String.valueOf(ad)), AdCharts.TREND_ADS);
        DatasetUpdates.quietly(trend.getChart(), () -> {
            DatasetUpdates.replace(trendData, fresh);
            showLastHour();
        });
        provinceByAd.update(rename(ProvinceByAd.of(tables.table("daily_clicks")), "live_province_by_ad"));
        blacklist.update(rename(tables.table("blacklist"), "live_blacklist"));
    }

    /**
     * The time axis spans the hour ending at the latest minute, however few minutes have clicks:
     * left to itself it zoomed into one minute as milliseconds after a start or an outage.
     */
    private void showLastHour() {
        DateAxis axis = (DateAxis) trend.getChart().getXYPlot().getDomainAxis();
        if (trendData.getSeriesCount() == 0 || trendData.getItemCount(0) == 0) {
            axis.setAutoRange(true);
            return;
        }
        double latest = trendData.getDomainUpperBound(false);
        double margin = Duration.ofSeconds(30).toMillis();
        axis.setRange(latest - Duration.ofMinutes(59).toMillis() - margin, latest + margin);
        // The value axis fits the values inside the time range; computed before the range moved,
        // it left out the newest minutes and cut their lines off at the top.
        trend.getChart().getXYPlot().configureRangeAxes();
    }

    private void showTop(ResultTable shown) {
        if (shown == null) {
            return;
        }
        LocalDate day = model.shownProperty().get() == null ? null
                : model.shownProperty().get().day().orElse(null);
        DatasetUpdates.quietly(top.getChart(), () -> {
            top.getChart().setTitle(day == null ? null : messages.get("ads.topOn", day));
            DatasetUpdates.replace(topData, TopAds.dataset(shown, words));
        });
        topTable.update(rename(shown, "live_top_ads"));
    }

    /** The live tables keep the batch tables' columns but have ids of their own (tests and the batch tab tell them apart). */
    private static ResultTable rename(ResultTable table, String name) {
        return new ResultTable(name, table.columns(), table.rows());
    }

    private ResultTableView table(String name) {
        ResultTableView view = new ResultTableView(messages);
        view.setId("table-" + name);
        view.setTable(new ResultTable(name, java.util.List.of(), java.util.List.of()));
        return view;
    }

    private Node statusRow() {
        Label dot = new Label("●");
        dot.getStyleClass().add("live-dot");
        Label status = new Label();
        status.setId("live-status");
        status.getStyleClass().add(Styles.TITLE_4);
        status.textProperty().bind(model.statusTextProperty());
        model.statusProperty().addListener((obs, old, now) -> {
            dot.getStyleClass().removeIf(c -> c.startsWith("live-dot-"));
            if (now != null) {
                dot.getStyleClass().add("live-dot-" + now.name().toLowerCase(java.util.Locale.ROOT));
            }
            status.getStyleClass().remove("live-offline");
            if (now == LiveStatus.OFFLINE) {
                status.getStyleClass().add("live-offline");
            }
        });
        // The detail can be a long broker error: the status text gives way (with the whole of it
        // in a tooltip), the buttons keep their size.
        status.setMinWidth(0);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(status.textProperty());
        status.setTooltip(whole);
        Label connection = new Label();
        connection.setId("live-connection");
        connection.getStyleClass().add(Styles.TEXT_MUTED);
        connection.textProperty().bind(model.connectionNameProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button connect = new Button(messages.get("menu.live.connect"));
        connect.setId("live-connect-button");
        connect.getStyleClass().add(Styles.ACCENT);
        connect.setOnAction(e -> model.connect());
        Button stop = new Button(messages.get("menu.live.stop"));
        stop.setId("live-stop-button");
        stop.disableProperty().bind(model.runningProperty().not());
        stop.setOnAction(e -> model.stop());
        connection.setMinWidth(Region.USE_PREF_SIZE);
        dot.setMinWidth(Region.USE_PREF_SIZE);
        connect.setMinWidth(Region.USE_PREF_SIZE);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, dot, status, connection, spacer, connect, stop);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node counters() {
        HBox row = new HBox(12,
                counter("live-clicks", "live.counter.clicks", model.clicksText()),
                counter("live-malformed", "live.counter.malformed", model.malformedText()),
                counter("live-last-batch", "live.counter.lastBatch", model.lastBatchText()),
                counter("live-latency", "live.counter.latency", model.latencyText()));
        row.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        // Red only when there is something to look at.
        Node malformedTile = row.getChildren().get(1);
        model.malformedProperty().addListener((obs, old, count) ->
                malformedTile.pseudoClassStateChanged(SOME, count.longValue() > 0));
        return row;
    }

    private Node counter(String id, String captionKey, StringBinding value) {
        Label caption = new Label(messages.get(captionKey));
        caption.getStyleClass().add("field-label");
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("live-counter-value");
        number.textProperty().bind(value);
        VBox box = new VBox(2, caption, number);
        box.getStyleClass().addAll("live-counter", id);
        // Equal tiles: no preferred width of their own, the row's space shared out evenly.
        box.setPrefWidth(0);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private Node malformed() {
        ListView<String> samples = new ListView<>(model.malformedSamples());
        samples.setId("live-malformed-samples");
        samples.setPrefHeight(120);
        samples.setPlaceholder(new Label(messages.get("live.malformed.none")));
        TitledPane pane = new TitledPane(null, samples);
        pane.setId("live-malformed-pane");
        pane.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("live.malformed.title", model.malformedText().get()), model.malformedProperty()));
        pane.setExpanded(false);
        pane.setAnimated(false);
        return pane;
    }

    /** The day the tables are of: the open day as batches arrive, or a past day (read from the stored clicks). */
    private Node dayRow() {
        ComboBox<ShownDay> day = new ComboBox<>(model.days());
        day.setId("live-day");
        day.setConverter(new StringConverter<>() {
            @Override
            public String toString(ShownDay value) {
                return value instanceof ShownDay.Past past ? past.day().toString() : messages.get("live.day.live");
            }

            @Override
            public ShownDay fromString(String text) {
                return ShownDay.LIVE;
            }
        });
        day.valueProperty().bindBidirectional(model.dayProperty());
        day.disableProperty().bind(model.updateProperty().isNull());
        Label label = new Label(messages.get("live.day"));
        label.getStyleClass().add("field-label");
        Label note = new Label();
        note.setId("live-day-note");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.textProperty().bind(Bindings.createStringBinding(() -> {
            if (model.openingDayProperty().get()) {
                return messages.get("live.day.opening");
            }
            LiveTables shown = model.shownProperty().get();
            if (shown == null) {
                return "";
            }
            return shown.live() ? shown.day().map(d -> messages.get("live.day.liveNote", d)).orElse("")
                    : messages.get("live.day.pastNote");
        }, model.openingDayProperty(), model.shownProperty()));
        HBox row = new HBox(8, label, day, note);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node provincePicker() {
        ComboBox<Optional<String>> province = new ComboBox<>(model.provinces());
        province.setId("live-top-province");
        province.setConverter(new StringConverter<>() {
            @Override
            public String toString(Optional<String> value) {
                return value == null || value.isEmpty() ? messages.get("live.top.allProvinces") : value.get();
            }

            @Override
            public Optional<String> fromString(String text) {
                return Optional.ofNullable(text);
            }
        });
        province.valueProperty().bindBidirectional(model.provinceProperty());
        Label provinceLabel = new Label(messages.get("live.top.province"));
        provinceLabel.getStyleClass().add("field-label");
        HBox row = new HBox(8, provinceLabel, province);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox block(String titleKey, Node... content) {
        return ResultBlocks.block(titleKey == null ? null : messages.get(titleKey), content);
    }

    private Node emptyState() {
        var waiting = Bindings.createBooleanBinding(() -> model.statusProperty().get() == LiveStatus.STARTING
                || model.statusProperty().get() == LiveStatus.RUNNING
                || model.statusProperty().get() == LiveStatus.RECONNECTING
                || model.statusProperty().get() == LiveStatus.OFFLINE, model.statusProperty());
        return ResultBlocks.emptyState(
                Bindings.when(waiting).then(messages.get("live.empty.waiting.title"))
                        .otherwise(messages.get("live.empty.title")),
                Bindings.when(waiting).then(messages.get("live.empty.waiting.hint"))
                        .otherwise(messages.get("live.empty.hint")));
    }
}
