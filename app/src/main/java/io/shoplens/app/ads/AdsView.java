package io.shoplens.app.ads;

import java.time.ZoneId;

import javafx.collections.FXCollections;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.analysis.Forms;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.engine.ads.AdCharts;
import io.shoplens.engine.ads.TopAds;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;

/**
 * Ad clicks: province × ad table, the top-3 ads per province (latest day), the per-minute trend,
 * the blacklist; the charts are the engine's ({@link AdCharts}), as a report draws them.
 */
public final class AdsView extends AnalysisView<AdsViewModel> {

    public AdsView(AdsViewModel model, Messages messages) {
        super(model, messages);
    }

    @Override
    protected void buildParameters(VBox panel) {
        TextField threshold = Forms.textField("blacklist-threshold", model.blacklistThresholdProperty());
        ComboBox<String> zone = new ComboBox<>(FXCollections.observableArrayList(
                ZoneId.getAvailableZoneIds().stream().sorted().toList()));
        zone.setId("time-zone");
        zone.setEditable(true);
        zone.setMaxWidth(Double.MAX_VALUE);
        zone.valueProperty().bindBidirectional(model.timeZoneProperty());
        panel.getChildren().addAll(
                Forms.field(messages.get("ads.threshold"), threshold),
                Forms.field(messages.get("ads.timeZone"), zone));
    }

    @Override
    protected void showResult(AnalysisResult result, VBox target) {
        ChartText words = chartWords();
        ResultTable top = result.table("top_ads");
        ResultTable latestRows = TopAds.on(top, TopAds.latestDay(top), null);
        ChartView topChart = chart("top_ads", AdCharts.topAds(top, words));
        topChart.getChart().getCategoryPlot().getRenderer()
                .setDefaultToolTipGenerator(TopAdTooltips.of(() -> latestRows, messages));
        ResultTableView topTable = table(top);
        topChart.setOnCategoryClicked(province -> {
            topTable.filterBy("province", province);
            offerLink(topChart, topChart.lastClickOnScreen(), FilterLink.province(province),
                    messages.get("link.province", province));
        });
        ResultTableView byProvince = table(ProvinceByAd.of(result.table("daily_clicks")));
        linkProvinces(byProvince);

        ChartView trend = chart("minute_trend", AdCharts.minuteTrend(result.table("minute_trend"), words));

        target.getChildren().addAll(
                block("ads.provinceByAd", byProvince),
                block("ads.top", topChart, topTable),
                block("ads.trend", trend),
                block("ads.blacklist", table(result.table("blacklist"))),
                block("ads.daily", table(result.table("daily_clicks"))));
    }

    /** A click on a province's row offers to count only its clicks; a click without a province has none to offer. */
    private void linkProvinces(ResultTableView table) {
        int column = table.columnIndex("province");
        table.setOnRowClicked((row, event) -> {
            Object province = row.get(column);
            if (province != null && !"null".equals(province)) {
                offerLink(table, new Point2D(event.getScreenX(), event.getScreenY()),
                        FilterLink.province(province.toString()), messages.get("link.province", province));
            }
        });
    }
}
