package io.shoplens.app.gmv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.controlsfx.control.CheckComboBox;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.DisplayConverter;
import io.shoplens.app.common.Messages;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.gmv.GmvCharts;
import io.shoplens.engine.gmv.GmvDimension;
import io.shoplens.engine.gmv.GmvTotals;
import io.shoplens.engine.gmv.Lmdi;

/**
 * The GMV explorer: a coverage warning when prices were missing, the drill path and the period
 * comparison on top, then Trend, Breakdown, Bridge and Paid vs free as tabs, all drawn from the
 * view model's current {@link GmvSlice}. Clicking a value (a bar, a row) drills into it.
 */
public final class GmvExplorerView extends VBox {

    private final GmvExplorerViewModel model;
    private final Consumer<FilterLink> linkTarget;
    private final Messages messages;
    private final GmvCharts charts;
    private final GmvTooltips tooltips;
    private final HBox breadcrumb = new HBox(4);
    private final ChartView trend = chart("gmv_trend", 560);
    private final ChartView breakdownChart = chart("gmv_values", 520);
    private final ResultTableView breakdownTable;
    private final ChartView waterfall = chart("gmv_waterfall", 320);
    private final ResultTableView moversTable;
    private final ChartView paidFree = chart("gmv_paid_free", 300);
    private final ChartView sideEffects = chart("gmv_side_effects", 260);
    private final ResultTableView sidesTable;
    private final TabPane tabs = new TabPane();
    /** Tabs drawn from the current slice. */
    private final java.util.Set<Integer> drawn = new java.util.HashSet<>();

    public GmvExplorerView(GmvExplorerViewModel model, Messages messages) {
        this(model, messages, null);
    }

    /**
     * @param linkTarget where "filter everything by this" sends a clicked value of a dimension the
     *                   session filter has (sex, professional, age group); null: clicks only drill
     */
    public GmvExplorerView(GmvExplorerViewModel model, Messages messages, Consumer<FilterLink> linkTarget) {
        super(12);
        this.linkTarget = linkTarget;
        this.model = model;
        this.messages = messages;
        this.charts = new GmvCharts(ChartText.of(messages.locale()));
        this.tooltips = new GmvTooltips(messages);
        setId("gmv-explorer");
        breakdownTable = drillingTable("gmv_values");
        moversTable = drillingTable("gmv_movers");
        sidesTable = new ResultTableView(messages);
        sidesTable.setId("table-gmv_sides");

        Label coverage = new Label();
        coverage.setId("gmv-coverage");
        coverage.setWrapText(true);
        coverage.getStyleClass().addAll(Styles.WARNING, "gmv-coverage");
        coverage.textProperty().bind(model.coverageNoteProperty());
        coverage.visibleProperty().bind(coverage.textProperty().isNotEmpty());
        coverage.managedProperty().bind(coverage.visibleProperty());

        tabs.setId("gmv-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(
                tab("trend", new VBox(8, hint("gmv.hint.trend"), trend)),
                tab("breakdown", new VBox(8, hint("gmv.hint.breakdown"), breakdownChart, breakdownTable)),
                tab("bridge", bridgeTab()),
                tab("paidFree", paidFreeTab()));

        getChildren().addAll(coverage, drillBar(), periodBar(), tabs);
        model.path().addListener((ListChangeListener<DrillStep>) change -> drawBreadcrumb());
        model.sliceProperty().addListener((obs, old, slice) -> draw(slice));
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, tab) -> drawSelected());
        drawBreadcrumb();
        draw(model.sliceProperty().get());
    }

    public TabPane tabs() {
        return tabs;
    }

    private HBox drillBar() {
        ComboBox<GmvDimension> dimension = new ComboBox<>();
        dimension.setId("gmv-dimension");
        dimension.getItems().setAll(GmvDimension.values());
        dimension.setConverter(DisplayConverter.of(d -> messages.get("gmv.dimension." + d.column())));
        dimension.valueProperty().bindBidirectional(model.dimensionProperty());
        Button back = new Button(messages.get("gmv.back"));
        back.setId("gmv-back");
        back.getStyleClass().add(Styles.SMALL);
        back.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.path()));
        back.setOnAction(e -> model.back());
        breadcrumb.setId("gmv-breadcrumb");
        breadcrumb.setAlignment(Pos.CENTER_LEFT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, fieldLabel("gmv.by"), dimension, spacer, breadcrumb, back);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private FlowPane periodBar() {
        ComboBox<PeriodPreset> preset = new ComboBox<>();
        preset.setId("gmv-preset");
        preset.getItems().setAll(PeriodPreset.values());
        preset.setConverter(DisplayConverter.of(p -> messages.get("gmv.preset." + p.name())));
        preset.valueProperty().bindBidirectional(model.presetProperty());
        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.periodProblemProperty());
        // Each caption stays with its controls: a narrow window wraps whole periods, never a period's end alone.
        FlowPane bar = new FlowPane(16, 6, group(fieldLabel("gmv.compare"), preset),
                group(fieldLabel("gmv.base"), picker("gmv-base-from", model.baseFromProperty()),
                        picker("gmv-base-to", model.baseToProperty())),
                group(fieldLabel("gmv.current"), picker("gmv-current-from", model.currentFromProperty()),
                        picker("gmv-current-to", model.currentToProperty())), problem);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static HBox group(javafx.scene.Node... nodes) {
        HBox group = new HBox(8, nodes);
        group.setAlignment(Pos.CENTER_LEFT);
        return group;
    }

    private VBox bridgeTab() {
        Label story = new Label();
        story.setId("gmv-story");
        story.setWrapText(true);
        story.getStyleClass().add("gmv-story");
        story.textProperty().bind(model.storyProperty());
        return new VBox(10, story, waterfall, hint("gmv.hint.movers"), moversTable);
    }

    private VBox paidFreeTab() {
        CheckComboBox<String> paid = new CheckComboBox<>(model.channels());
        paid.setId("gmv-paid");
        paid.setTitle(messages.get("gmv.paidChannels"));
        syncChecks(paid);
        model.channels().addListener((ListChangeListener<String>) c -> syncChecks(paid));
        model.paidChannels().addListener((ListChangeListener<String>) c -> syncChecks(paid));
        paid.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            List<String> checked = new ArrayList<>(paid.getCheckModel().getCheckedItems());
            if (!checked.equals(model.paidChannels())) {
                model.paidChannels().setAll(checked);
            }
        });
        Label paidList = new Label();
        paidList.setId("gmv-paid-list");
        paidList.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> String.join(", ", model.paidChannels()), model.paidChannels()));
        Label story = new Label();
        story.setId("gmv-paid-story");
        story.setWrapText(true);
        story.getStyleClass().add("gmv-story");
        story.textProperty().bind(model.paidFreeStoryProperty());
        HBox choose = new HBox(10, fieldLabel("gmv.paidChannels"), paid, paidList);
        choose.setAlignment(Pos.CENTER_LEFT);
        return new VBox(10, choose, paidFree, story, sideEffects, sidesTable);
    }

    private void syncChecks(CheckComboBox<String> paid) {
        for (String channel : model.channels()) {
            boolean wanted = model.paidChannels().contains(channel);
            if (paid.getCheckModel().isChecked(channel) != wanted) {
                if (wanted) {
                    paid.getCheckModel().check(channel);
                } else {
                    paid.getCheckModel().clearCheck(channel);
                }
            }
        }
    }

    private void drawBreadcrumb() {
        breadcrumb.getChildren().clear();
        List<DrillStep> path = model.path();
        for (int depth = 0; depth <= path.size(); depth++) {
            String text = depth == 0 ? messages.get("gmv.all") : path.get(depth - 1).toString();
            if (depth > 0) {
                breadcrumb.getChildren().add(new Label("▸"));
            }
            if (depth == path.size()) {
                Label here = new Label(text);
                here.getStyleClass().add(Styles.TEXT_BOLD);
                here.setId("crumb-" + depth);
                breadcrumb.getChildren().add(here);
            } else {
                int target = depth;
                Hyperlink link = new Hyperlink(text);
                link.setId("crumb-" + depth);
                link.setOnAction(e -> model.upTo(target));
                breadcrumb.getChildren().add(link);
            }
        }
    }

    /**
     * Draws the selected tab only, and the others when they are selected: a chart redraw costs
     * far more than the slice, so redrawing hidden tabs would be most of a click's wait.
     */
    private void draw(GmvSlice slice) {
        if (slice == null) {
            return;
        }
        drawn.clear();
        drawSelected();
    }

    private void drawSelected() {
        GmvSlice slice = model.sliceProperty().get();
        int tab = tabs.getSelectionModel().getSelectedIndex();
        if (slice == null || tab < 0 || !drawn.add(tab)) {
            return;
        }
        switch (tab) {
            case 0 -> trend.setChart(tooltips.trend(
                    charts.trend(slice.daily(), slice.request().base(), slice.request().current()), slice.daily()));
            case 1 -> {
                breakdownChart.setChart(tooltips.breakdown(charts.breakdown(slice.breakdown()), slice.breakdown()));
                breakdownTable.setTable(valuesTable(slice.breakdown(), slice.totals()));
                widen(breakdownTable);
            }
            case 2 -> {
                waterfall.setChart(slice.bridge() == null ? null
                        : tooltips.waterfall(charts.waterfall(slice.bridge()), slice.bridge()));
                moversTable.setTable(moversTable(slice.movers()));
                widen(moversTable);
            }
            default -> {
                paidFree.setChart(tooltips.paidFree(charts.paidFree(slice.paidDaily(), slice.freeDaily())));
                sideEffects.setChart(slice.bridge() == null ? null
                        : tooltips.sideEffects(charts.sideEffects(slice.paidBridge(), slice.freeBridge())));
                if (slice.bridge() != null) {
                    sidesTable.setTable(sidesTable(slice));
                    widen(sidesTable);
                }
            }
        }
    }

    private ResultTable valuesTable(Map<String, GmvTotals> values, GmvTotals all) {
        List<List<Object>> rows = new ArrayList<>();
        values.forEach((value, t) -> rows.add(java.util.Arrays.asList(value, t.sessions(), t.orders(),
                t.conversion(), t.aov(), t.gmv(), all.gmv() == 0 ? null : t.gmv() / all.gmv())));
        return new ResultTable("gmv_values", List.of(model.dimensionProperty().get().column(), "sessions", "orders",
                "conversion", "aov", "gmv", "share_rate"), rows);
    }

    private ResultTable moversTable(List<Lmdi.BridgeRow> movers) {
        List<List<Object>> rows = new ArrayList<>();
        for (Lmdi.BridgeRow r : movers) {
            rows.add(List.of(r.value(), r.gmvBase(), r.gmvCurrent(), r.delta(), r.trafficEffect(),
                    r.conversionEffect(), r.aovEffect()));
        }
        return new ResultTable("gmv_movers", List.of(model.dimensionProperty().get().column(), "gmv_base",
                "gmv_current", "delta", "traffic_effect", "conversion_effect", "aov_effect"), rows);
    }

    private ResultTable sidesTable(GmvSlice slice) {
        List<List<Object>> rows = new ArrayList<>();
        double whole = slice.bridge().delta();
        for (Lmdi.BridgeRow r : List.of(slice.paidBridge(), slice.freeBridge())) {
            rows.add(java.util.Arrays.asList(messages.get(r == slice.paidBridge() ? "gmv.side.paid" : "gmv.side.free"),
                    r.gmvBase(), r.gmvCurrent(), r.delta(), whole == 0 ? null : r.delta() / whole, r.trafficEffect(),
                    r.conversionEffect(), r.aovEffect()));
        }
        return new ResultTable("gmv_sides", List.of("traffic", "gmv_base", "gmv_current", "delta", "share_rate",
                "traffic_effect", "conversion_effect", "aov_effect"), rows);
    }

    /**
     * Every column wide enough for its name and a money figure. The shared table fits its columns
     * to the width it had when filled, which for a tab not yet shown is none.
     */
    private static void widen(ResultTableView table) {
        table.tableView().setColumnResizePolicy(javafx.scene.control.TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.tableView().getColumns().forEach(c -> c.setPrefWidth(Math.max(120, c.getText().length() * 9 + 30)));
    }

    /** A table whose rows drill into their first column's value when clicked. */
    private ResultTableView drillingTable(String name) {
        ResultTableView table = new ResultTableView(messages);
        table.setId("table-" + name);
        table.tableView().setRowFactory(view -> {
            TableRow<List<Object>> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && row.getItem() != null) {
                    clicked(String.valueOf(row.getItem().get(0)), row, new Point2D(e.getScreenX(), e.getScreenY()));
                }
            });
            return row;
        });
        return table;
    }

    private ChartView chart(String name, double height) {
        ChartView view = new ChartView();
        view.setId("chart-" + name);
        view.setPrefHeight(height);
        view.setMinHeight(height);
        if (name.equals("gmv_values")) {
            view.setOnCategoryClicked(value -> clicked(value, view, view.lastClickOnScreen()));
        }
        return view;
    }

    /**
     * A value of the breakdown clicked: drills into it, or, when the session filter has its
     * dimension, offers the drill and "filter everything by this".
     */
    private void clicked(String value, javafx.scene.Node anchor, Point2D at) {
        GmvDimension dimension = model.dimensionProperty().get();
        Optional<FilterLink> link = linkTarget == null ? Optional.empty() : FilterLink.ofGmv(dimension, value);
        if (link.isEmpty()) {
            model.drill(value);
            return;
        }
        String text = messages.get("link.value", messages.get("gmv.dimension." + dimension.column()), value);
        AnalysisView.LinkMenu.show(anchor, at, messages, link.get(), text, messages.get("link.drill", value),
                () -> model.drill(value), linkTarget);
    }

    private Tab tab(String key, javafx.scene.Node content) {
        Tab tab = new Tab(messages.get("gmv.tab." + key), content);
        tab.setId("gmv-tab-" + key);
        content.getStyleClass().add("gmv-tab-content");
        ((Region) content).setPadding(new javafx.geometry.Insets(10, 0, 0, 0));
        return tab;
    }

    private Label hint(String key) {
        Label hint = new Label(messages.get(key));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        return hint;
    }

    private Label fieldLabel(String key) {
        Label label = new Label(messages.get(key));
        label.getStyleClass().add("field-label");
        return label;
    }

    private DatePicker picker(String id, ObjectProperty<LocalDate> date) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setPrefWidth(150);
        picker.valueProperty().bindBidirectional(date);
        return picker;
    }
}
