package io.shoplens.app.analysis;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.analysis.AnalysisResult;

/**
 * The frame of every analysis view: parameters and Run on the left, results (charts over
 * tables) on the right, and an empty state that says what to do until there are results.
 */
public abstract class AnalysisView<M extends AnalysisViewModel> extends BorderPane {

    protected final M model;
    protected final Messages messages;
    private final VBox results = new VBox(18);

    protected AnalysisView(M model, Messages messages) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("analysis-view");
        setId(model.analysis() + "-view");

        VBox parameters = new VBox(12);
        parameters.getStyleClass().add("parameters");
        Label heading = new Label(messages.get("parameters.title"));
        heading.getStyleClass().add(Styles.TITLE_4);
        parameters.getChildren().add(heading);
        buildParameters(parameters);

        Button run = new Button(messages.get("action.run"));
        run.setId("run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setMaxWidth(Double.MAX_VALUE);
        run.disableProperty().bind(model.canRunProperty().not());
        run.setOnAction(e -> model.run());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox runRow = new HBox(8, run, busy);
        runRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(run, javafx.scene.layout.Priority.ALWAYS);
        Label validation = new Label();
        validation.setId("validation");
        validation.setWrapText(true);
        validation.getStyleClass().add(Styles.DANGER);
        validation.textProperty().bind(model.validationErrorProperty());
        validation.visibleProperty().bind(validation.textProperty().isNotEmpty());
        validation.managedProperty().bind(validation.visibleProperty());
        parameters.getChildren().addAll(runRow, validation);

        ScrollPane parameterScroll = new ScrollPane(parameters);
        parameterScroll.setFitToWidth(true);
        parameterScroll.setPrefWidth(330);
        parameterScroll.setMinWidth(290);
        parameterScroll.getStyleClass().add("parameter-scroll");
        setLeft(parameterScroll);

        results.getStyleClass().add("results");
        results.setPadding(new Insets(16, 20, 20, 20));
        ScrollPane resultScroll = new ScrollPane(results);
        resultScroll.setFitToWidth(true);
        resultScroll.getStyleClass().add("result-scroll");
        Node empty = emptyState();
        StackPane center = new StackPane(empty, resultScroll);
        resultScroll.visibleProperty().bind(model.resultProperty().isNotNull());
        empty.visibleProperty().bind(model.resultProperty().isNull());
        setCenter(center);

        model.resultProperty().addListener((obs, old, result) -> {
            if (result != null) {
                results.getChildren().clear();
                showResult(result, results);
            }
        });
    }

    /** Adds the analysis' parameter controls (filters, options) to {@code panel}. */
    protected abstract void buildParameters(VBox panel);

    /** Renders a result into {@code target} (cleared before). */
    protected abstract void showResult(AnalysisResult result, VBox target);

    public M model() {
        return model;
    }

    /** A titled block of the result area: a heading, then its content. */
    protected VBox block(String titleKey, Node... content) {
        return ResultBlocks.block(messages.get(titleKey), content);
    }

    /** A sortable table of {@code table}, with the id {@code table-<name>} (UI tests find it by that). */
    protected ResultTableView table(io.shoplens.engine.analysis.ResultTable table) {
        ResultTableView view = new ResultTableView(messages);
        view.setId("table-" + table.name());
        view.setTable(table);
        return view;
    }

    /** An empty chart holder with the id {@code chart-<name>}. */
    protected io.shoplens.app.charts.ChartView chart(String name) {
        io.shoplens.app.charts.ChartView view = new io.shoplens.app.charts.ChartView();
        view.setId("chart-" + name);
        return view;
    }

    private Node emptyState() {
        return ResultBlocks.emptyState(
                Bindings.when(model.hasDataProperty()).then(messages.get("empty.noResults.title"))
                        .otherwise(messages.get("empty.noData.title")),
                Bindings.when(model.hasDataProperty()).then(messages.get("empty.noResults.hint"))
                        .otherwise(messages.get("empty.noData.hint")));
    }
}
