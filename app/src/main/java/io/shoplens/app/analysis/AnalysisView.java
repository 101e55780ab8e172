package io.shoplens.app.analysis;

import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import io.shoplens.app.common.Messages;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.engine.analysis.AnalysisResult;

/**
 * The frame of every analysis view: the analysis' own options (if it has any) on the left, a line
 * that says when the result shown was computed for other filters, the results (charts over
 * tables), and an empty state that says what to do until there are results. The window's filter
 * bar replaces per-view filters and Run buttons: the view model runs by itself.
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
        buildParameters(parameters);
        if (!parameters.getChildren().isEmpty()) {
            Label heading = new Label(messages.get("parameters.options"));
            heading.getStyleClass().add(Styles.TITLE_4);
            Label validation = new Label();
            validation.setId("validation");
            validation.setWrapText(true);
            validation.getStyleClass().add(Styles.DANGER);
            validation.textProperty().bind(model.validationErrorProperty());
            validation.visibleProperty().bind(validation.textProperty().isNotEmpty());
            validation.managedProperty().bind(validation.visibleProperty());
            parameters.getChildren().add(0, heading);
            parameters.getChildren().add(validation);
            ScrollPane parameterScroll = new ScrollPane(parameters);
            parameterScroll.setFitToWidth(true);
            parameterScroll.setPrefWidth(250);
            parameterScroll.setMinWidth(220);
            parameterScroll.getStyleClass().add("parameter-scroll");
            setLeft(parameterScroll);
        }

        results.getStyleClass().add("results");
        results.setPadding(new Insets(16, 20, 20, 20));
        ScrollPane resultScroll = new ScrollPane(results);
        resultScroll.setFitToWidth(true);
        resultScroll.getStyleClass().add("result-scroll");
        Node empty = emptyState();
        StackPane center = new StackPane(empty, resultScroll);
        resultScroll.visibleProperty().bind(model.resultProperty().isNotNull());
        empty.visibleProperty().bind(model.resultProperty().isNull());
        BorderPane main = new BorderPane(center);
        Node suspects = SuspectsLine.under(model.analysis(), model, messages);
        suspects.getStyleClass().add("view-suspects-line");
        main.setTop(new VBox(FreshnessLine.of(model.runningProperty(), model.freshness().staleProperty(),
                model.resultProperty().isNotNull(), messages), suspects));
        setCenter(main);

        model.resultProperty().addListener((obs, old, result) -> {
            if (result != null) {
                results.getChildren().clear();
                showResult(result, results);
            }
        });
        // category_info's names are read after a stored result may already show: draw it again with them.
        model.categoryNamesProperty().addListener((obs, old, names) -> {
            AnalysisResult shown = model.resultProperty().get();
            if (shown != null && !names.equals(old)) {
                results.getChildren().clear();
                showResult(shown, results);
            }
        });
    }

    /** Adds the analysis' own option controls to {@code panel}; none by default (no options panel). */
    protected void buildParameters(VBox panel) {
    }

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
        view.labelColumn("category_id", model::categoryText);
        view.setTable(table);
        return view;
    }

    /** An empty chart holder with the id {@code chart-<name>}. */
    protected io.shoplens.app.charts.ChartView chart(String name) {
        io.shoplens.app.charts.ChartView view = new io.shoplens.app.charts.ChartView();
        view.setId("chart-" + name);
        return view;
    }

    /** A chart holder with the id {@code chart-<name>} showing {@code chart}, as the engine defines it. */
    protected io.shoplens.app.charts.ChartView chart(String name, org.jfree.chart.JFreeChart chart) {
        io.shoplens.app.charts.ChartView view = chart(name);
        view.setChart(chart);
        return view;
    }

    /** The engine's chart words in the window's language: the screen says what an exported report says. */
    protected io.shoplens.engine.charts.ChartText chartWords() {
        return io.shoplens.engine.charts.ChartText.of(messages.locale());
    }

    /**
     * Offers "filter everything by {@code text}" under {@code anchor} (a clicked chart or row),
     * then hands the link to the window's filter bar.
     */
    protected void offerLink(Node anchor, Point2D onScreen, FilterLink link, String text) {
        LinkMenu.show(anchor, onScreen, messages, link, text, null, null, model::filterEverythingBy);
    }

    private Node emptyState() {
        VBox state = ResultBlocks.emptyState(
                Bindings.when(model.hasDataProperty()).then(Bindings.when(model.runningProperty())
                                .then(messages.get("empty.running.title")).otherwise(messages.get("empty.noResults.title")))
                        .otherwise(messages.get("empty.noData.title")),
                Bindings.when(model.hasDataProperty()).then(Bindings.when(model.runningProperty())
                                .then(messages.get("empty.running.hint")).otherwise(messages.get("empty.noResults.hint")))
                        .otherwise(messages.get("empty.noData.hint")));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(28, 28);
        busy.visibleProperty().bind(model.runningProperty());
        state.getChildren().add(0, busy);
        return state;
    }

    /** The small menu a linkable click opens where it was clicked. */
    public static final class LinkMenu {
        private LinkMenu() {
        }

        /** @param other an action offered first (the explorer's drill), or null */
        public static void show(Node anchor, Point2D onScreen, Messages messages, FilterLink link, String text,
                                String otherText, Runnable other, Consumer<FilterLink> target) {
            ContextMenu menu = new ContextMenu();
            if (other != null) {
                MenuItem first = new MenuItem(otherText);
                first.setId("link-other");
                first.setOnAction(e -> other.run());
                menu.getItems().add(first);
            }
            MenuItem filter = new MenuItem(messages.get("link.filterBy", text));
            filter.setId("link-filter");
            filter.setOnAction(e -> target.accept(link));
            menu.getItems().add(filter);
            menu.setId("link-menu");
            if (onScreen == null) {
                menu.show(anchor, Side.BOTTOM, 0, 0);
            } else {
                menu.show(anchor, onScreen.getX(), onScreen.getY());
            }
        }
    }
}
