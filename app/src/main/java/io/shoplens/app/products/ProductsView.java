package io.shoplens.app.products;

import java.util.List;

import javafx.scene.layout.VBox;

import org.jfree.chart.labels.CategoryToolTipGenerator;

import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.products.ProductCharts;

/** The top-3 products of each area as the engine's grouped bars ({@link ProductCharts}); click an area → its rows. */
public final class ProductsView extends AnalysisView<ProductsViewModel> {

    public ProductsView(ProductsViewModel model, Messages messages) {
        super(model, messages);
    }

    @Override
    protected void showResult(AnalysisResult result, VBox target) {
        ChartText words = chartWords();
        ResultTable top = result.table("top_products");
        ChartView chart = chart("top_products", ProductCharts.topProducts(top, words));
        int area = top.columnIndex("area");
        int rank = top.columnIndex("rank");
        CategoryToolTipGenerator tooltip = (dataset, series, column) -> {
            String areaName = String.valueOf(dataset.getColumnKey(column));
            String rankName = String.valueOf(dataset.getRowKey(series));
            for (List<Object> row : top.rows()) {
                if (row.get(area).equals(areaName) && words.rank(row.get(rank)).equals(rankName)) {
                    return messages.get("products.tooltip", areaName, row.get(rank),
                            row.get(top.columnIndex("product_name")), row.get(top.columnIndex("product_id")),
                            row.get(top.columnIndex("clicks")));
                }
            }
            return areaName;
        };
        chart.getChart().getCategoryPlot().getRenderer().setDefaultToolTipGenerator(tooltip);
        ResultTableView table = table(top);
        chart.setOnCategoryClicked(key -> {
            table.filterBy("area", key);
            // The filter keeps the sessions that began in the area; the clicks here are counted by
            // each click's own city, which is the session's in a shop's logs but need not be.
            offerLink(chart, chart.lastClickOnScreen(), FilterLink.area(key), messages.get("link.area", key));
        });
        target.getChildren().add(block("products.top", chart, table));
    }
}
