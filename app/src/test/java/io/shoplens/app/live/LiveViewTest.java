package io.shoplens.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.ShopLensApp;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.LiveStatus;

/** The Live tab fed by the fake engine: micro-batches pushed from a streaming thread reach the charts and counters. */
@ExtendWith(ApplicationExtension.class)
class LiveViewTest {

    private final FakeLiveService live = new FakeLiveService();
    private LiveViewModel model;

    @Start
    void start(Stage stage) {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        model = new LiveViewModel(live, new SyncJobRunner(e -> { }), new RecordingDialogs(), messages,
                Platform::runLater, ZoneOffset.UTC);
        Scene scene = new Scene(new LiveView(model, messages), 1000, 800);
        scene.getStylesheets().add(ShopLensApp.STYLESHEET);
        stage.setScene(scene);
        stage.show();
        model.start(new LiveConnection(KafkaSettings.plaintext("Local Kafka", "localhost:9092", "ad_clicks"),
                "".toCharArray()));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private static JFreeChart chart(FxRobot robot, String name) {
        return robot.lookup("#chart-" + name).queryAs(ChartView.class).getChart();
    }

    private static double total(XYDataset data) {
        double sum = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                sum += data.getYValue(s, i);
            }
        }
        return sum;
    }

    @Test
    void eachBatchUpdatesTheChartsInPlaceAndTheCounters(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "live-status")).isEqualTo("Running");
        JFreeChart trend = chart(robot, "live_minute_trend");
        JFreeChart top = chart(robot, "live_top_ads");
        XYDataset trendData = trend.getXYPlot().getDataset();
        CategoryDataset topData = top.getCategoryPlot().getDataset();

        live.push(LiveUpdates.batch(1, 1, List.of()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "live-clicks")).isEqualTo("13");
        assertThat(text(robot, "live-latency")).isEqualTo("1.5 s");
        assertThat(trendData.getSeriesCount()).isEqualTo(2);
        assertThat(trendData.getSeriesKey(0)).isEqualTo("Ad 1");
        assertThat(trendData.getItemCount(0)).isEqualTo(5);
        assertThat(total(trendData)).isEqualTo(15 + 5);
        assertThat(topData.getValue("#1", "广东")).isEqualTo(5L);
        assertThat(top.getTitle().getText()).isEqualTo("Top ads on 2019-09-09");
        assertThat(robot.lookup("#table-live_province_by_ad").queryAs(ResultTableView.class).visibleRows())
                .containsExactly(List.of("北京", 0L, 4L, 1L, 5L), List.of("广东", 5L, 3L, 0L, 8L));

        live.push(LiveUpdates.batch(2, 3, List.of("line 9: ad_id 'x' is not a number")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "live-clicks")).isEqualTo("39");
        assertThat(text(robot, "live-malformed")).isEqualTo("1");
        // Same chart, same datasets, new values: the chart was redrawn, not rebuilt.
        assertThat(chart(robot, "live_minute_trend")).isSameAs(trend);
        assertThat(trend.getXYPlot().getDataset()).isSameAs(trendData);
        assertThat(top.getCategoryPlot().getDataset()).isSameAs(topData);
        assertThat(trendData.getItemCount(0)).isEqualTo(6);
        assertThat(total(trendData)).isEqualTo(3 * (21 + 6));
        assertThat(topData.getValue("#1", "广东")).isEqualTo(15L);
        assertThat(robot.lookup("#table-live_blacklist").queryAs(ResultTableView.class).visibleRows()).hasSize(1);
        // The time axis is the hour up to the newest minute; the value axis reaches its highest value (3 × 6).
        org.jfree.chart.plot.XYPlot plot = trend.getXYPlot();
        assertThat(plot.getDomainAxis().getUpperBound()).isGreaterThanOrEqualTo(trendData.getXValue(0, 5));
        assertThat(plot.getDomainAxis().getRange().getLength()).isEqualTo(60 * 60_000.0);
        assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThanOrEqualTo(18.0);
        assertThat(plot.getRangeAxis().getLowerBound()).isEqualTo(0.0);
    }

    @Test
    void theDayPickerOpensAPastDayAndGoesBackToTheLiveOne(FxRobot robot) {
        live.pastDays.put(LiveUpdates.PAST_DAYS.get(1), LiveUpdates.pastDay(LiveUpdates.PAST_DAYS.get(1), 42));
        live.push(LiveUpdates.batch(1, 1, List.of()));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<ShownDay> day = robot.lookup("#live-day").queryAs(ComboBox.class);
        assertThat(day.getItems()).containsExactly(ShownDay.LIVE, ShownDay.past(LiveUpdates.PAST_DAYS.get(1)),
                ShownDay.past(LiveUpdates.PAST_DAYS.get(0)));
        assertThat(text(robot, "live-day-note")).isEqualTo("2019-09-09, updated by every micro-batch");

        robot.interact(() -> day.setValue(ShownDay.past(LiveUpdates.PAST_DAYS.get(1))));
        WaitForAsyncUtils.waitForFxEvents();
        JFreeChart top = chart(robot, "live_top_ads");
        assertThat(top.getTitle().getText()).isEqualTo("Top ads on 2019-09-08");
        assertThat(top.getCategoryPlot().getDataset().getValue("#1", "上海")).isEqualTo(42L);
        assertThat(text(robot, "live-day-note")).startsWith("A past day's tables");
        assertThat(robot.lookup("#table-live_province_by_ad").queryAs(ResultTableView.class).visibleRows())
                .containsExactly(List.of("上海", 42L, 42L));

        robot.interact(() -> day.setValue(ShownDay.LIVE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(top.getTitle().getText()).isEqualTo("Top ads on 2019-09-09");
    }

    @Test
    void aBrokerThatGoesAwayShowsReconnectingThenOfflineThenRunning(FxRobot robot) {
        live.status(LiveStatus.RECONNECTING, "broker localhost:9092 is not answering");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "live-status")).isEqualTo("Reconnecting — broker localhost:9092 is not answering");
        assertThat(robot.lookup(".live-dot").queryAs(Label.class).getStyleClass()).contains("live-dot-reconnecting");

        live.status(LiveStatus.OFFLINE, "no answer from localhost:9092 for more than 1 min");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "live-status")).startsWith("Broker away since ")
                .endsWith("reconnecting by itself — no answer from localhost:9092 for more than 1 min");
        assertThat(robot.lookup(".live-dot").queryAs(Label.class).getStyleClass()).contains("live-dot-offline");
        assertThat(robot.lookup("#live-status").queryAs(Label.class).getStyleClass()).contains("live-offline");

        live.status(LiveStatus.RUNNING, "");
        live.push(LiveUpdates.batch(1, 2, List.of()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "live-status")).isEqualTo("Running");
        assertThat(text(robot, "live-clicks")).isEqualTo("26");
    }
}
