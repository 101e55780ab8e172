package io.shoplens.app.sessions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.jfree.chart.labels.StandardCategoryToolTipGenerator;

import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.analysis.CategoryLabels;
import io.shoplens.app.analysis.Forms;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.Charts;
import io.shoplens.engine.charts.Datasets;

/** Visit/step-length distributions, top categories (click → their top sessions), the sample. */
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
        String sessions = messages.get("series.sessions");
        ChartView visit = distribution("chart-visit_length", result.table("visit_length"), sessions);
        ChartView step = distribution("chart-step_length", result.table("step_length"), sessions);
        HBox distributions = new HBox(16,
                block("sessions.visitLength", visit), block("sessions.stepLength", step));
        distributions.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        distributions.getChildren().forEach(n -> ((VBox) n).setPrefWidth(400));

        ResultTable top = result.table("top_categories");
        // The bars are named as people know the categories; a click maps the name back to the id.
        Map<String, Object> idOf = new HashMap<>();
        ResultTable named = CategoryLabels.relabel(top, "category_id", model::categoryText, idOf);
        ChartView categories = new ChartView();
        categories.setId("chart-top_categories");
        categories.setChart(Charts.bars(null, messages.get("series.count"),
                Datasets.bars(named, "category_id", List.of("click_count", "order_count", "pay_count"),
                        column -> messages.get("series." + column)), true));
        ResultTableView topTable = table(top);
        ResultTableView topSessions = table(result.table("top_sessions"));
        categories.setOnCategoryClicked(label -> {
            Object category = idOf.getOrDefault(label, label);
            topSessions.filterBy("category_id", category);
            if (category instanceof Number id) {
                offerLink(categories, categories.lastClickOnScreen(), FilterLink.category(id.longValue()),
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

    private ChartView distribution(String id, ResultTable table, String series) {
        ChartView chart = new ChartView();
        chart.setId(id);
        var jfree = Charts.bars(null, series, Datasets.bars(BucketLabels.relabel(table, messages), "bucket",
                List.of("sessions"), c -> series), false);
        // Bucket words ("10–30 步", "> 30 min") break onto a second line rather than end in "…".
        jfree.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelLines(2);
        // The ratio is what the bars mean to a reader; the tooltip gives both exactly.
        jfree.getCategoryPlot().getRenderer().setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator() {
            @Override
            public String generateToolTip(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                List<Object> r = table.rows().get(column);
                return BucketLabels.label(String.valueOf(r.get(0)), messages) + ": " + r.get(1) + " " + series + " ("
                        + ResultTable.format(r.get(2)) + ")";
            }
        });
        chart.setChart(jfree);
        chart.setPrefHeight(260);
        return chart;
    }
}
