package io.shoplens.app.products;

import java.util.List;

import javafx.scene.layout.VBox;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.CategoryToolTipGenerator;

import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.charts.Charts;
import io.shoplens.app.charts.Datasets;
import io.shoplens.app.common.Messages;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/** The top-3 products of each area as grouped bars (click an area → its rows). */
public final class ProductsView extends AnalysisView<ProductsViewModel> {

    public ProductsView(ProductsViewModel model, Messages messages) {
        super(model, messages);
    }

    @Override
    protected void showResult(AnalysisResult result, VBox target) {
        ResultTable top = result.table("top_products");
        JFreeChart bars = Charts.bars(null, messages.get("series.clicks"),
                Datasets.pivot(top.rows(), top, "area", "rank", "clicks", rank -> messages.get("series.rank", rank)),
                true);
        int area = top.columnIndex("area");
        int rank = top.columnIndex("rank");
        CategoryToolTipGenerator tooltip = (dataset, series, column) -> {
            String areaName = String.valueOf(dataset.getColumnKey(column));
            String rankName = String.valueOf(dataset.getRowKey(series));
            for (List<Object> row : top.rows()) {
                if (row.get(area).equals(areaName)
                        && messages.get("series.rank", row.get(rank)).equals(rankName)) {
                    return messages.get("products.tooltip", areaName, row.get(rank),
                            row.get(top.columnIndex("product_name")), row.get(top.columnIndex("product_id")),
                            row.get(top.columnIndex("clicks")));
                }
            }
            return areaName;
        };
        bars.getCategoryPlot().getRenderer().setDefaultToolTipGenerator(tooltip);
        ChartView chart = chart("top_products");
        chart.setChart(bars);
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
