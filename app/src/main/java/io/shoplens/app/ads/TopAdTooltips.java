package io.shoplens.app.ads;

import java.util.List;
import java.util.function.Supplier;

import org.jfree.chart.labels.CategoryToolTipGenerator;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;

/**
 * The tooltips of a top-ads chart ({@link io.shoplens.engine.ads.TopAds#dataset}): exact values
 * with the ad id, since which ad is "#1" differs per province. Shared by the ads and live views.
 */
public final class TopAdTooltips {

    private TopAdTooltips() {
    }

    /** Reads the rows shown now, so a live chart's tooltips follow its updates. */
    public static CategoryToolTipGenerator of(Supplier<ResultTable> shown, Messages messages) {
        ChartText words = ChartText.of(messages.locale());
        return (dataset, series, column) -> {
            ResultTable top = shown.get();
            int province = top.columnIndex("province");
            int rank = top.columnIndex("rank");
            for (List<Object> row : top.rows()) {
                if (String.valueOf(row.get(province)).equals(dataset.getColumnKey(column))
                        && words.rank(row.get(rank)).equals(dataset.getRowKey(series))) {
                    return messages.get("ads.tooltip", row.get(province), row.get(rank),
                            row.get(top.columnIndex("ad_id")), row.get(top.columnIndex("clicks")));
                }
            }
            return String.valueOf(dataset.getColumnKey(column));
        };
    }
}
