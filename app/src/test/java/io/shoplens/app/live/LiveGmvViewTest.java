package io.shoplens.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.jfree.data.time.TimeSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.live.LiveGmvUpdate;
import io.shoplens.engine.live.LiveStatus;

/**
 * The live GMV view on two updates: the big numbers with their change against yesterday at the
 * same time, the per-minute lines, the paid/free split and the funnel, replaced in place.
 */
@ExtendWith(ApplicationExtension.class)
class LiveGmvViewTest {

    private LiveGmvViewModel model;
    private LiveGmvView view;

    @Start
    void start(Stage stage) {
        model = new LiveGmvViewModel(Runnable::run);
        view = new LiveGmvView(model, Messages.forLocale(Locale.ENGLISH));
        stage.setScene(new javafx.scene.Scene(view, 900, 700));
        stage.show();
    }

    @Test
    void bigNumbersAgainstYesterdayAndTablesUpdatedInPlace(FxRobot robot) {
        // Before any connection: what the tab is for, and no empty charts.
        assertThat(text(robot, "#live-gmv-through")).startsWith("Not watching. Live ▸ Watch GMV live…");
        assertThat(view.getCenter().isVisible()).isFalse();
        robot.interact(() -> model.onStatus(io.shoplens.engine.live.LiveStatus.RUNNING, ""));
        assertThat(text(robot, "#live-gmv-through")).isEqualTo("Waiting for the first batch of actions…");
        robot.interact(() -> model.onUpdate(update(1, 4L, 2L, 30.0, 2L, 1L, 20.0, List.of(
                minute("2026-12-02 10:00", 1, 1, 10.0), minute("2026-12-02 10:01", 3, 1, 20.0)))));
        assertThat(text(robot, "#live-gmv-through"))
                .isEqualTo("Today through 2026-12-02 10:30:00, against yesterday at the same time");
        assertThat(view.getCenter().isVisible()).isTrue();
        assertThat(text(robot, "#live-gmv-gmv")).isEqualTo("30.00");
        assertThat(text(robot, "#live-gmv-gmv-change")).isEqualTo("+50.0% vs 20.00 yesterday");
        assertThat(robot.lookup("#live-gmv-gmv-change").queryAs(Label.class).getStyleClass()).contains("success");
        assertThat(text(robot, "#live-gmv-sessions")).isEqualTo("4");
        assertThat(text(robot, "#live-gmv-sessions-change")).isEqualTo("+100.0% vs 2 yesterday");
        assertThat(text(robot, "#live-gmv-conversion")).isEqualTo("50.0%");
        assertThat(text(robot, "#live-gmv-conversion-change")).isEqualTo("+0.0% vs 50.0% yesterday");
        assertThat(series(robot, "#chart-live_gmv_minutes").getSeries(0).getItemCount()).isEqualTo(2);
        assertThat(series(robot, "#chart-live_gmv_sessions").getSeries(0).getValue(1)).isEqualTo(3L);

        // A later batch, and no yesterday: the numbers say so; the charts and tables follow in place.
        robot.interact(() -> model.onUpdate(update(2, 5L, 3L, 45.5, null, null, null, List.of(
                minute("2026-12-02 10:00", 1, 1, 10.0), minute("2026-12-02 10:01", 3, 1, 20.0),
                minute("2026-12-02 10:02", 1, 1, 15.5)))));
        assertThat(text(robot, "#live-gmv-gmv")).isEqualTo("45.50");
        assertThat(text(robot, "#live-gmv-gmv-change")).isEqualTo("no yesterday to compare");
        assertThat(series(robot, "#chart-live_gmv_minutes").getSeries(0).getItemCount()).isEqualTo(3);
        assertThat(model.actionsProperty().get()).isEqualTo(200);
        assertThat(robot.lookup("#table-live_session_funnel").tryQuery()).isPresent();

        robot.interact(() -> model.onStatus(LiveStatus.RECONNECTING, "broker away"));
        assertThat(model.statusProperty().get()).isEqualTo(LiveStatus.RECONNECTING);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static TimeSeriesCollection series(FxRobot robot, String id) {
        return (TimeSeriesCollection) robot.lookup(id).queryAs(ChartView.class).getChart().getXYPlot().getDataset();
    }

    static List<Object> minute(String minute, long sessions, long orders, double gmv) {
        return row(minute, sessions, orders, gmv, (double) orders / sessions, gmv / orders);
    }

    private static List<Object> row(Object... values) {
        return java.util.Collections.unmodifiableList(Arrays.asList(values));
    }

    /** An update with the tables' columns as the engine makes them. */
    static LiveGmvUpdate update(long batch, long sessions, long orders, double gmv, Long sessionsBefore,
                                        Long ordersBefore, Double gmvBefore, List<List<Object>> minutes) {
        List<String> rates = List.of("sessions", "orders", "gmv", "conversion", "aov");
        List<List<Object>> sameTime = new java.util.ArrayList<>();
        sameTime.add(row("today", LocalDate.of(2026, 12, 2), "2026-12-02 10:30:00", sessions, orders, gmv,
                (double) orders / sessions, gmv / orders));
        if (sessionsBefore != null) {
            sameTime.add(row("yesterday", LocalDate.of(2026, 12, 1), "2026-12-01 10:30:00", sessionsBefore,
                    ordersBefore, gmvBefore, (double) ordersBefore / sessionsBefore, gmvBefore / ordersBefore));
        }
        List<String> sameTimeColumns = new java.util.ArrayList<>(List.of("period", "date", "through"));
        sameTimeColumns.addAll(rates);
        List<String> minuteColumns = new java.util.ArrayList<>(List.of("minute"));
        minuteColumns.addAll(rates);
        List<String> splitColumns = new java.util.ArrayList<>(List.of("traffic"));
        splitColumns.addAll(rates);
        return new LiveGmvUpdate(batch, Instant.now(), 100 * batch, 0, 0, 0, 0, 0, List.of(), LocalDate.of(2026, 12, 2),
                LocalDateTime.of(2026, 12, 2, 10, 30), LiveGmvUpdate.DayBefore.STREAM, List.of(
                new ResultTable("gmv_same_time", sameTimeColumns, sameTime),
                new ResultTable("gmv_minutes", minuteColumns, minutes),
                new ResultTable("gmv_paid_free", splitColumns, List.of(
                        row("paid", 1L, 1L, 10.0, 1.0, 10.0), row("free", sessions - 1, orders - 1, gmv - 10,
                                (double) (orders - 1) / (sessions - 1), (gmv - 10) / (orders - 1)))),
                new ResultTable("session_funnel", List.of("step", "page_id", "sessions", "rate"),
                        List.of(row(1L, 1L, 3L, 1.0), row(2L, 2L, 1L, 1.0 / 3))),
                new ResultTable("page_jumps", List.of("step", "from_page", "to_page", "jumps", "step_rate",
                        "cumulative_rate"), List.of(row(1L, 1L, 2L, 1L, 1.0 / 3, 1.0 / 3)))));
    }
}
