package io.shoplens.app.funnel;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.analysis.Forms;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.DisplayConverter;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.FunnelCharts;
import io.shoplens.engine.funnel.Attribution;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.funnel.FunnelDimension;
import io.shoplens.engine.funnel.FunnelOrder;
import io.shoplens.engine.funnel.FunnelUnit;

/**
 * The funnel: a step editor and the funnel's options on the left; the funnel with conversion and
 * drop-off per step, time to convert, the breakdown, the signals that go with converting and the
 * units that dropped off (exportable per step) on the right. The charts are the report's
 * ({@link FunnelCharts}), labelled in the user's language.
 */
public final class FunnelView extends AnalysisView<FunnelViewModel> {

    /** Breakdown values drawn as bars; the table lists them all. */
    private static final int BREAKDOWN_VALUES = 8;

    public FunnelView(FunnelViewModel model, Messages messages) {
        super(model, messages);
    }

    @Override
    protected void buildParameters(VBox panel) {
        ComboBox<FunnelOrder> order = choice("funnel-order", List.of(FunnelOrder.values()), model.orderProperty(),
                o -> messages.get("funnel.order." + o.text()));
        ComboBox<FunnelUnit> unit = choice("funnel-unit", List.of(FunnelUnit.values()), model.unitProperty(),
                u -> messages.get("funnel.unit." + u.text()));
        TextField window = Forms.textField("funnel-window", model.windowMinutesProperty());
        window.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> messages.get("funnel.window.prompt." + model.unitProperty().get().text()), model.unitProperty()));

        ComboBox<String> breakdown = new ComboBox<>();
        breakdown.setId("funnel-breakdown");
        breakdown.getItems().add("");
        for (FunnelDimension d : FunnelDimension.values()) {
            breakdown.getItems().add(d.text());
        }
        breakdown.setConverter(DisplayConverter.of(text -> text.isEmpty() ? messages.get("funnel.breakdown.none")
                : messages.get("funnel.breakdown." + text)));
        breakdown.setMaxWidth(Double.MAX_VALUE);
        breakdown.setValue(model.breakdownProperty().get() == null ? "" : model.breakdownProperty().get().text());
        breakdown.valueProperty().addListener((obs, old, text) -> model.breakdownProperty().set(
                text == null || text.isEmpty() ? null : FunnelDimension.parse(text)));
        model.breakdownProperty().addListener((obs, old, d) -> breakdown.setValue(d == null ? "" : d.text()));

        ComboBox<Attribution> attribution = new ComboBox<>();
        attribution.setId("funnel-attribution");
        attribution.setMaxWidth(Double.MAX_VALUE);
        attribution.setConverter(DisplayConverter.of(this::attributionText));
        Runnable attributions = () -> {
            Attribution chosen = model.attributionProperty().get();
            attribution.getItems().setAll(model.attributionChoices());
            attribution.setValue(chosen);
        };
        attributions.run();
        model.steps().addListener((javafx.collections.ListChangeListener<StepDraft>) c -> attributions.run());
        attribution.valueProperty().addListener((obs, old, a) -> {
            if (a != null) {
                model.attributionProperty().set(a);
            }
        });
        model.attributionProperty().addListener((obs, old, a) -> attribution.setValue(a));
        attribution.disableProperty().bind(model.breakdownProperty().isNull());

        panel.getChildren().addAll(
                Forms.field(messages.get("funnel.steps"), new StepEditor(model, messages)),
                Forms.section(messages.get("funnel.options"),
                        Forms.field(messages.get("funnel.order"), order),
                        Forms.field(messages.get("funnel.unit"), unit),
                        Forms.field(messages.get("funnel.window"), window),
                        Forms.field(messages.get("funnel.breakdown"), breakdown),
                        Forms.field(messages.get("funnel.attribution"), attribution)));
    }

    private String attributionText(Attribution a) {
        return switch (a.touch()) {
            case FIRST_TOUCH -> messages.get("funnel.attribution.first");
            case LAST_TOUCH -> messages.get("funnel.attribution.last");
            case STEP -> messages.get("funnel.attribution.step", a.step());
        };
    }

    private static <T> ComboBox<T> choice(String id, List<T> items, javafx.beans.property.ObjectProperty<T> value,
                                          java.util.function.Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setConverter(DisplayConverter.of(text));
        box.valueProperty().bindBidirectional(value);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    @Override
    protected void showResult(AnalysisResult result, VBox target) {
        ResultTable steps = result.table(FunnelAnalysis.STEPS);
        String units = messages.get("funnel.axis.units");

        ChartView funnel = chart(FunnelAnalysis.STEPS);
        funnel.setChart(FunnelCharts.funnel(steps, messages.get("funnel.series.reached"),
                messages.get("funnel.series.dropped"), units));
        target.getChildren().add(block("funnel.block.steps", funnel, table(steps)));

        ResultTable times = result.table(FunnelAnalysis.TIMES);
        ChartView timeChart = chart(FunnelAnalysis.TIMES);
        timeChart.setChart(FunnelCharts.times(times, steps, units));
        target.getChildren().add(block("funnel.block.times", timeChart, table(times)));

        if (result.has(FunnelAnalysis.BREAKDOWN)) {
            ResultTable breakdown = result.table(FunnelAnalysis.BREAKDOWN);
            ChartView bars = chart(FunnelAnalysis.BREAKDOWN);
            bars.setChart(FunnelCharts.breakdown(breakdown, steps, BREAKDOWN_VALUES,
                    messages.get("funnel.axis.conversion")));
            ResultTableView breakdownTable = table(breakdown);
            target.getChildren().add(block("funnel.block.breakdown", bars, breakdownTable));
        }

        ResultTable correlation = result.table(FunnelAnalysis.CORRELATION);
        ResultTableView correlationTable = table(correlation);
        if (correlation.rows().isEmpty()) {
            Label none = new Label(messages.get("funnel.correlation.none"));
            none.setWrapText(true);
            target.getChildren().add(block("funnel.block.correlation", none));
        } else {
            ChartView signals = chart(FunnelAnalysis.CORRELATION);
            // A clicked category reads by its name; the click goes back to the signal it shows.
            java.util.Map<String, String> signalOf = new java.util.HashMap<>();
            signals.setChart(FunnelCharts.correlation(correlation, messages.get("funnel.series.success"),
                    messages.get("funnel.series.failure"), messages.get("funnel.axis.odds"), signal -> {
                        String label = signalLabel(signal);
                        signalOf.put(label, signal);
                        return label;
                    }));
            signals.setPrefHeight(Math.max(300, 24 * correlation.rows().size() + 80));
            signals.setOnCategoryClicked(label -> {
                String signal = signalOf.getOrDefault(label, label);
                correlationTable.filterBy("signal", signal);
                FunnelViewModel.linkOf(signal).ifPresent(link ->
                        offerLink(signals, signals.lastClickOnScreen(), link, label));
            });
            target.getChildren().add(block("funnel.block.correlation", signals, correlationTable));
        }

        target.getChildren().add(block("funnel.block.dropoff", exportRow(), table(result.table(FunnelAnalysis.DROPOFF))));
    }

    /** "Dropped after step [k] [Export CSV…]" for the steps a unit can drop off after. */
    private HBox exportRow() {
        ComboBox<Integer> step = new ComboBox<>();
        step.setId("funnel-drop-step");
        step.getItems().setAll(model.dropSteps());
        if (!step.getItems().isEmpty()) {
            step.setValue(step.getItems().get(0));
        }
        Button export = new Button(messages.get("funnel.export.button"));
        export.setId("funnel-export-dropped");
        export.disableProperty().bind(step.valueProperty().isNull());
        export.setOnAction(e -> model.exportDroppedAfter(step.getValue()));
        HBox row = new HBox(8, new Label(messages.get("funnel.export.after")), step, export);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** "clicked_category:家电 (15)" where category_info names category 15, else the signal as it is. */
    private String signalLabel(String signal) {
        String prefix = "clicked_category:";
        if (!signal.startsWith(prefix)) {
            return signal;
        }
        try {
            return prefix + model.categoryText(Long.parseLong(signal.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return signal;
        }
    }
}
