package io.shoplens.app.sessions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.labels.CategoryToolTipGenerator;

import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.analysis.Forms;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.sessions.BucketLabels;
import io.shoplens.engine.sessions.SessionCharts;

/**
 * Visit/step-length distributions, top categories (click → their top sessions), the sample; the
 * charts are the engine's ({@link SessionCharts}), as a report draws them.
 */
public final class SessionsView extends AnalysisView<SessionsViewModel> {

    public SessionsView(SessionsViewModel model, Messages messages) {
        super(model, messages);
    }

    @Override
    protected void buildParameters(VBox panel) {
        TextField sample = Forms.textField("sample-size", model.sampleSizeProperty());
        TextField seed = Forms.textField("seed", model.seedProperty());
        panel.getChildren().addAll(Forms.field(messages.get("sessions.sampleSize"), sample),
                Forms.field(messages.get("sessions.seed"), seed));
    }

    @Override
    protected void showResult(AnalysisResult result, VBox target) {
        ChartText words = chartWords();
        HBox distributions = new HBox(16,
                block("sessions.visitLength", distribution(result.table("visit_length"), words)),
                block("sessions.stepLength", distribution(result.table("step_length"), words)));
        distributions.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        distributions.getChildren().forEach(n -> ((VBox) n).setPrefWidth(400));

        ResultTable top = result.table("top_categories");
        ChartView categories = chart("top_categories",
                SessionCharts.topCategories(top, model.categoryNamesProperty().get(), words));
        // The bars are named as people know the categories; a click maps the name back to the id.
        Map<String, Object> idOf = new HashMap<>();
        int category = top.columnIndex("category_id");
        top.rows().forEach(row -> idOf.put(model.categoryText(row.get(category)), row.get(category)));
        ResultTableView topTable = table(top);
        ResultTableView topSessions = table(result.table("top_sessions"));
        categories.setOnCategoryClicked(label -> {
            Object id = idOf.getOrDefault(label, label);
            topSessions.filterBy("category_id", id);
            if (id instanceof Number n) {
                offerLink(categories, categories.lastClickOnScreen(), FilterLink.category(n.longValue()),
                        messages.get("link.category", label));
            }
        });
        linkRows(topTable);

        target.getChildren().addAll(distributions,
                block("sessions.topCategories", categories, topTable, topSessions),
                block("sessions.sample", table(result.table("sampled_sessions"))),
                block("sessions.distributionTables", tablesSideBySide(result)));
    }

    /** A click on a row of top_categories offers its category to the filter bar. */
    private void linkRows(ResultTableView table) {
        int column = table.columnIndex("category_id");
        table.setOnRowClicked((row, event) -> {
            if (row.get(column) instanceof Number id) {
                offerLink(table, new javafx.geometry.Point2D(event.getScreenX(), event.getScreenY()),
                        FilterLink.category(id.longValue()), messages.get("link.category", model.categoryText(id)));
            }
        });
    }

    private HBox tablesSideBySide(AnalysisResult result) {
        ResultTableView visit = table(result.table("visit_length"));
        ResultTableView step = table(result.table("step_length"));
        HBox box = new HBox(16, visit, step);
        HBox.setHgrow(visit, Priority.ALWAYS);
        HBox.setHgrow(step, Priority.ALWAYS);
        return box;
    }

    private ChartView distribution(ResultTable buckets, ChartText words) {
        ChartView chart = chart(buckets.name(), SessionCharts.distribution(buckets, words));
        // The ratio is what the bars mean to a reader; the tooltip gives both exactly.
        String sessions = words.get("series.sessions");
        CategoryToolTipGenerator tooltip = (dataset, series, column) -> {
            List<Object> row = buckets.rows().get(column);
            return BucketLabels.label(String.valueOf(row.get(buckets.columnIndex("bucket"))), words) + ": "
                    + row.get(buckets.columnIndex("sessions")) + " " + sessions + " ("
                    + ResultTable.format(row.get(buckets.columnIndex("ratio"))) + ")";
        };
        chart.getChart().getCategoryPlot().getRenderer().setDefaultToolTipGenerator(tooltip);
        chart.setPrefHeight(260);
        return chart;
    }
}
