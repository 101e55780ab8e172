package io.shoplens.app.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.ads.AdsView;
import io.shoplens.app.ads.AdsViewModel;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.gmv.GmvView;
import io.shoplens.app.gmv.GmvViewModel;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.pages.PagesView;
import io.shoplens.app.pages.PagesViewModel;
import io.shoplens.app.products.ProductsView;
import io.shoplens.app.products.ProductsViewModel;
import io.shoplens.app.sessions.SessionsView;
import io.shoplens.app.sessions.SessionsViewModel;
import io.shoplens.app.testing.RecordingDialogs;

/**
 * Each analysis view on the canned results of the fake engine: shown → it runs, the charts have
 * the expected categories and series, the tables the expected first row; a click on a bar filters
 * the table below it and offers its value to the window's filter.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisViewsTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final SyncJobRunner jobs = new SyncJobRunner(e -> dialogs.notifyError("job", e));
    private final List<io.shoplens.app.filters.FilterLink> links = new java.util.concurrent.CopyOnWriteArrayList<>();
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        tabs = new TabPane();
        List<AnalysisView<?>> views = List.of(
                new SessionsView(new SessionsViewModel(engine, jobs, dialogs, messages), messages),
                new PagesView(new PagesViewModel(engine, jobs, dialogs, messages), messages),
                new ProductsView(new ProductsViewModel(engine, jobs, dialogs, messages), messages),
                new AdsView(new AdsViewModel(engine, jobs, dialogs, messages), messages),
                new GmvView(new GmvViewModel(engine, jobs, dialogs, messages), messages));
        for (AnalysisView<?> view : views) {
            view.model().hasDataProperty().set(true);
            view.model().useLinkTarget(links::add);
            tabs.getTabs().add(new javafx.scene.control.Tab(view.model().title(), view));
        }
        stage.setScene(new Scene(tabs, 1200, 800));
        stage.show();
    }

    /** Shows the tab: its view runs by itself (the job runner is synchronous here). */
    private void runTab(FxRobot robot, int index) {
        robot.interact(() -> {
            tabs.getSelectionModel().select(index);
            ((AnalysisView<?>) tabs.getTabs().get(index).getContent()).model().freshness().shownProperty().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static ResultTableView table(FxRobot robot, String name) {
        return robot.lookup("#table-" + name).queryAs(ResultTableView.class);
    }

    private static ChartView chart(FxRobot robot, String name) {
        return robot.lookup("#chart-" + name).queryAs(ChartView.class);
    }

    @Test
    void sessions(FxRobot robot) {
        runTab(robot, 0);

        assertThat(chart(robot, "visit_length").getChart().getCategoryPlot().getDataset().getColumnCount())
                .isEqualTo(10);
        assertThat(chart(robot, "step_length").getChart().getCategoryPlot().getDataset().getColumnCount())
                .isEqualTo(6);
        CategoryPlot top = chart(robot, "top_categories").getChart().getCategoryPlot();
        assertThat(top.getDataset().getRowCount()).isEqualTo(3);
        assertThat(top.getDataset().getColumnCount()).isEqualTo(10);
        assertThat(table(robot, "visit_length").visibleRows().get(0)).containsExactly("0s", 120L, 120.0 / 2300);
        assertThat(table(robot, "top_categories").visibleRows().get(0).subList(0, 2)).containsExactly(1L, 8L);
        assertThat(table(robot, "top_sessions").visibleRows()).hasSize(30);
    }

    @Test
    void aClickOnACategoryBarFiltersItsTopSessions(FxRobot robot) {
        runTab(robot, 0);
        ChartView chart = chart(robot, "top_categories");
        // Scroll the chart into view so the robot can click a bar.
        robot.interact(() -> ((javafx.scene.control.ScrollPane) robot.lookup(".result-scroll").match(
                n -> n.isVisible() && n.getScene() != null && tabs.getSelectionModel().getSelectedItem().getContent()
                        .lookupAll(".result-scroll").contains(n)).query()).setVvalue(0.25));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D bar = chart.barCenterOnScreen("15").orElseThrow();

        robot.clickOn(bar);
        WaitForAsyncUtils.waitForFxEvents();

        List<List<Object>> rows = table(robot, "top_sessions").visibleRows();
        assertThat(rows).hasSize(3).allSatisfy(row -> assertThat(row.get(0)).isEqualTo(15L));
        // The click also offers the category to the window's filter.
        robot.clickOn("#link-filter");
        assertThat(links).containsExactly(io.shoplens.app.filters.FilterLink.category(15));
    }

    @Test
    void categoriesAreNamedWhereTheWorkspaceNamesThem(FxRobot robot) {
        SessionsView view = (SessionsView) tabs.getTabs().get(0).getContent();
        robot.interact(() -> view.model().categoryNamesProperty().set(java.util.Map.of(15L, "家电")));
        runTab(robot, 0);

        assertThat(chart(robot, "top_categories").getChart().getCategoryPlot().getDataset().getColumnKeys())
                .contains("家电 (15)", "8");
        javafx.scene.control.TableView<List<Object>> top = table(robot, "top_categories").tableView();
        int row = top.getItems().stream().map(r -> r.get(1)).toList().indexOf(15L);
        assertThat(top.getColumns().get(1).getCellData(row)).isEqualTo(15L);
        assertThat(robot.lookup("#table-top_categories .table-cell").queryAllAs(javafx.scene.control.Labeled.class)
                .stream().map(javafx.scene.control.Labeled::getText)).contains("家电 (15)");
    }

    @Test
    void pages(FxRobot robot) {
        runTab(robot, 1);
        CategoryPlot jumps = chart(robot, "page_jumps").getChart().getCategoryPlot();
        assertThat(jumps.getDataset().getRowCount()).isEqualTo(2);
        assertThat(jumps.getDataset().getColumnKeys()).containsExactly("1→2", "2→3", "3→4", "4→5", "5→6", "6→7");
        assertThat(table(robot, "page_jumps").visibleRows().get(0).subList(0, 3)).containsExactly(1L, 1L, 2L);
        assertThat(chart(robot, "session_funnel").getChart().getCategoryPlot().getDataset().getColumnCount())
                .isEqualTo(7);
    }

    @Test
    void products(FxRobot robot) {
        runTab(robot, 2);
        CategoryPlot top = chart(robot, "top_products").getChart().getCategoryPlot();
        assertThat(top.getDataset().getColumnKeys()).containsExactly("华北", "华东", "华南", "华中", "西北", "西南");
        assertThat(top.getDataset().getRowKeys()).containsExactly("#1", "#2", "#3");
        assertThat(table(robot, "top_products").visibleRows().get(0).subList(0, 3)).containsExactly("华北", "A", 1L);

        robot.interact(() -> table(robot, "top_products").filterBy("area", "西北"));
        assertThat(table(robot, "top_products").visibleRows()).hasSize(3)
                .allSatisfy(row -> assertThat(row.get(0)).isEqualTo("西北"));
    }

    @Test
    void ads(FxRobot robot) {
        runTab(robot, 3);
        CategoryPlot top = chart(robot, "top_ads").getChart().getCategoryPlot();
        assertThat(top.getDataset().getColumnCount()).isEqualTo(5);
        assertThat(top.getDataset().getRowCount()).isEqualTo(3);
        XYPlot trend = chart(robot, "minute_trend").getChart().getXYPlot();
        assertThat(trend.getDataset().getSeriesCount()).isEqualTo(3);
        assertThat(trend.getDataset().getItemCount(0)).isEqualTo(60);
        ResultTableView pivot = table(robot, "province_by_ad");
        assertThat(pivot.tableView().getColumns()).hasSize(7);
        assertThat(pivot.visibleRows().get(0).get(0)).isEqualTo("Beijing");
        assertThat(table(robot, "blacklist").visibleRows().get(0).get(0)).isEqualTo(7L);
    }

    @Test
    void gmv(FxRobot robot) {
        runTab(robot, 4);
        // A result without its cube: the engine's trend (GMV, sessions, conversion, AOV) over gmv_daily.
        List<XYPlot> factors = ((org.jfree.chart.plot.CombinedDomainXYPlot) chart(robot, "gmv_trend").getChart()
                .getPlot()).getSubplots();
        assertThat(factors).hasSize(4).allSatisfy(plot -> assertThat(plot.getDataset().getItemCount(0)).isEqualTo(14));
        assertThat(factors.get(0).getDataset().getSeriesKey(0)).isEqualTo("GMV");
        assertThat(table(robot, "gmv_daily").visibleRows().get(0).get(0)).isEqualTo(java.time.LocalDate.of(2019, 7, 17));
        assertThat(table(robot, "gmv_breakdown").visibleRows().get(0).subList(0, 2)).containsExactly("channel", "search");
    }

    @Test
    void tablesSortByTheirValues(FxRobot robot) {
        runTab(robot, 0);
        ResultTableView table = table(robot, "visit_length");
        robot.interact(() -> {
            var sessions = table.tableView().getColumns().get(1);
            sessions.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.tableView().getSortOrder().setAll(List.of(sessions));
        });
        assertThat(table.visibleRows().get(0).get(0)).isEqualTo("10s_30s");
    }
}
