package io.shoplens.app.gmv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;

/** The explorer on a hand-made cube ({@link CannedCube}): a drill by bar and by row, a period change, a dimension switch. */
@ExtendWith(ApplicationExtension.class)
class GmvExplorerViewTest {

    private GmvViewModel model;

    @Start
    void start(Stage stage) {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        RecordingDialogs dialogs = new RecordingDialogs();
        model = new GmvViewModel(new FakeEngineService(Duration.ZERO), new SyncJobRunner(e -> { }), dialogs, messages);
        // Just the explorer, scrolled, in xvfb-run's default 640×480 screen: the robot can only click what is on it.
        ScrollPane scroll = new ScrollPane(new GmvExplorerView(model.explorer(), messages));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("result-scroll");
        stage.setScene(new Scene(scroll, 640, 480));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        // As after Run: the view model hands the result's cube to the explorer.
        model.resultProperty().set(CannedCube.result());
    }

    private static String breadcrumb(FxRobot robot) {
        return robot.lookup("#gmv-breadcrumb").queryAs(HBox.class).getChildren().stream()
                .map(n -> ((Labeled) n).getText()).collect(Collectors.joining(" "));
    }

    private static ResultTableView table(FxRobot robot, String name) {
        return robot.lookup("#table-" + name).queryAs(ResultTableView.class);
    }

    private static ChartView chart(FxRobot robot, String name) {
        return robot.lookup("#chart-" + name).queryAs(ChartView.class);
    }

    private static List<Object> categories(ChartView chart) {
        CombinedDomainCategoryPlot plot = (CombinedDomainCategoryPlot) chart.getChart().getPlot();
        return List.copyOf(((CategoryPlot) plot.getSubplots().get(0)).getDataset().getColumnKeys());
    }

    private void scrollTo(FxRobot robot, double where) {
        robot.interact(() -> robot.lookup(".result-scroll").queryAs(ScrollPane.class).setVvalue(where));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsTheTrendAndTheMissingPrices(FxRobot robot) {
        assertThat(robot.lookup("#gmv-coverage").queryAs(Label.class).getText())
                .isEqualTo("3 of 300 orders have no amount or price: their GMV is unknown and counted as 0.");
        CombinedDomainXYPlot trend = (CombinedDomainXYPlot) chart(robot, "gmv_trend").getChart().getPlot();
        assertThat(trend.getSubplots()).hasSize(4);
        XYPlot gmv = (XYPlot) trend.getSubplots().get(0);
        assertThat(gmv.getDataset().getItemCount(0)).isEqualTo(14);
        assertThat(gmv.getRenderer().getToolTipGenerator(0, 0).generateToolTip(gmv.getDataset(), 0, 0))
                .isEqualTo("2019-07-04: GMV ¥2,220.00 = 66 sessions × 31.82% × ¥105.71");
    }

    @Test
    void drillByBarThenByRowThenBackUp(FxRobot robot) {
        robot.clickOn("Breakdown");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(categories(chart(robot, "gmv_values"))).containsExactly("display_ad", "recommend", "search");

        robot.clickOn(chart(robot, "gmv_values").barCenterOnScreen("recommend").orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(breadcrumb(robot)).isEqualTo("All ▸ channel=recommend");
        assertThat(categories(chart(robot, "gmv_values"))).containsExactly("华东", "华北");
        assertThat(table(robot, "gmv_values").visibleRows()).extracting(r -> r.get(0)).containsExactly("华东", "华北");

        scrollTo(robot, 1.0);
        TableRow<?> row = robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.getItem() != null
                && ((List<?>) r.getItem()).get(0).equals("华东")
                && table(robot, "gmv_values").lookupAll(".table-row-cell").contains(n)).query();
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(breadcrumb(robot)).isEqualTo("All ▸ channel=recommend ▸ area=华东");
        assertThat(model.explorer().dimensionProperty().get().column()).isEqualTo("city");
        assertThat(table(robot, "gmv_values").visibleRows()).extracting(r -> r.get(0)).containsExactly("上海");

        scrollTo(robot, 0.0);
        robot.clickOn("#crumb-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(breadcrumb(robot)).isEqualTo("All ▸ channel=recommend");
        robot.clickOn("#gmv-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(breadcrumb(robot)).isEqualTo("All");
        assertThat(categories(chart(robot, "gmv_values"))).containsExactly("display_ad", "recommend", "search");
    }

    @Test
    void aPeriodChangeRedrawsTheBridge(FxRobot robot) {
        robot.clickOn("Bridge");
        WaitForAsyncUtils.waitForFxEvents();
        CategoryPlot before = chart(robot, "gmv_waterfall").getChart().getCategoryPlot();
        // Base GMV (the total series, first column) of 07-04..07-10: 7 days × ¥2,220.
        assertThat(before.getDataset().getValue(1, 0).doubleValue()).isEqualTo(7 * 2220.0);
        String weekStory = robot.lookup("#gmv-story").queryAs(Label.class).getText();
        assertThat(weekStory).startsWith("GMV +").contains("channel=");

        robot.clickOn("#gmv-preset");
        robot.clickOn("This month vs last (same days)");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#gmv-base-from").queryAs(javafx.scene.control.DatePicker.class).getValue())
                .isEqualTo(LocalDate.of(2019, 6, 1));
        CategoryPlot after = chart(robot, "gmv_waterfall").getChart().getCategoryPlot();
        assertThat(after.getDataset().getValue(1, 0).doubleValue()).isZero();
        assertThat(robot.lookup("#gmv-story").queryAs(Label.class).getText())
                .startsWith("GMV +¥").contains("none in the base period");
        assertThat(table(robot, "gmv_movers").visibleRows()).hasSize(3);
    }

    @Test
    void aDimensionSwitchRedrawsTheBreakdown(FxRobot robot) {
        robot.clickOn("Breakdown");
        robot.clickOn("#gmv-dimension");
        robot.clickOn("City");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(categories(chart(robot, "gmv_values"))).containsExactly("上海", "北京");
        assertThat(table(robot, "gmv_values").tableView().getColumns().get(0).getText()).isEqualTo("City");
        assertThat(breadcrumb(robot)).isEqualTo("All");
    }
}
