package io.shoplens.app.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.jfree.chart.plot.CategoryPlot;
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

/** The Audience view on a canned result: its five tabs show the lift chart, the words and the tables. */
@ExtendWith(ApplicationExtension.class)
class AudienceViewTest {

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private AudienceViewModel model;

    @Start
    void start(Stage stage) {
        model = new AudienceViewModel(new FakeEngineService(Duration.ZERO),
                new SyncJobRunner(e -> dialogs.notifyError("job", e)), dialogs, messages);
        stage.setScene(new Scene(new AudienceView(model, messages), 1200, 800));
        stage.show();
    }

    private void select(FxRobot robot, String tab) {
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#audience-tabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getId().equals(tab))
                    .findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    @Test
    void eachTabShowsItsChartWordsAndTables(FxRobot robot) {
        robot.interact(() -> model.resultProperty().set(CannedAudience.result()));

        TabPane tabs = robot.lookup("#audience-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs().stream().map(t -> t.getText()).toList())
                .containsExactly("Tags", "Sweet apples", "Lapsed buyers", "Suspects", "Member tiers");

        TableView<List<Object>> tags = robot.lookup("#table-tags").queryAs(TableView.class);
        assertThat(tags.getItems()).hasSize(4);
        robot.interact(() -> robot.lookup("#audience-tag-search").queryAs(TextField.class).setText("likes"));
        assertThat(tags.getItems().stream().map(r -> r.get(0)).toList()).containsExactly("likes:5", "likes:12");

        select(robot, "audience-tab-apples");
        CategoryPlot lift = robot.lookup("#chart-tag_lift").queryAs(ChartView.class).getChart().getCategoryPlot();
        assertThat(lift.getDataset().getColumnKeys()).containsExactly("likes:5", "channel:search", "sex:female");
        assertThat(robot.lookup("#audience-backtest").queryAs(Label.class).getText())
                .startsWith("Look-alikes converted at 50% in the current period, the others at 10%");
        assertThat(robot.lookup("#table-lookalikes").queryAs(ResultTableView.class).visibleRows()).hasSize(2);

        select(robot, "audience-tab-lapsed");
        assertThat(robot.lookup("#table-lapsed_substitutes").queryAs(ResultTableView.class).visibleRows())
                .containsExactly(List.of("category:5", 1L, "category:6", 3L, 4L, 0.75, 2.5));

        select(robot, "audience-tab-suspects");
        assertThat(robot.lookup("#table-suspect_users").queryAs(ResultTableView.class).visibleRows()).hasSize(1);
        assertThat(robot.lookup("#audience-suspects-text").queryAs(Label.class).getText())
                .startsWith("Fake orders: 1 suspect user");

        select(robot, "audience-tab-tiers");
        assertThat(robot.lookup("#chart-rfm_users").queryAs(ChartView.class).getChart()).isNotNull();
        assertThat(robot.lookup("#chart-tier_moves").queryAs(ChartView.class).getChart()).isNotNull();
        assertThat(robot.lookup("#chart-amplification_sessions").queryAs(ChartView.class).getChart()
                .getXYPlot().getDataset().getSeriesCount()).isEqualTo(4);
        assertThat(robot.lookup("#table-segments").queryAs(ResultTableView.class).visibleRows())
                .containsExactly(List.of("champions", 2L, 500.0), List.of("lost", 1L, 40.0));
        assertThat(dialogs.errors).isEmpty();
    }

    @SuppressWarnings("unchecked")
    @Test
    void tagsOfACategoryShowItsName(FxRobot robot) {
        // As in a reopened window: the stored result shows before category_info's names are read.
        robot.interact(() -> model.resultProperty().set(CannedAudience.result()));
        robot.interact(() -> model.categoryNamesProperty().set(java.util.Map.of(5L, "咖啡", 6L, "茶叶")));

        assertThat(cellTexts(robot, "#table-tags")).contains("likes:咖啡 (5)", "likes:12", "sex:female");
        // The search finds a tag by its category's name too; the rows keep the tag itself.
        robot.interact(() -> robot.lookup("#audience-tag-search").queryAs(TextField.class).setText("咖啡"));
        assertThat(robot.lookup("#table-tags").queryAs(TableView.class).getItems().stream()
                .map(r -> ((List<Object>) r).get(0)).toList()).containsExactly("likes:5");

        select(robot, "audience-tab-apples");
        CategoryPlot lift = robot.lookup("#chart-tag_lift").queryAs(ChartView.class).getChart().getCategoryPlot();
        assertThat(lift.getDataset().getColumnKeys()).containsExactly("likes:咖啡 (5)", "channel:search", "sex:female");
        assertThat(cellTexts(robot, "#table-lookalikes")).contains("channel:search;likes:咖啡 (5)");
        select(robot, "audience-tab-lapsed");
        assertThat(cellTexts(robot, "#table-lapsed_substitutes")).contains("category:咖啡 (5)", "category:茶叶 (6)");
        assertThat(dialogs.errors).isEmpty();
    }

    private static List<String> cellTexts(FxRobot robot, String table) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(table + " .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(javafx.scene.control.TableCell::getText).filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void aChineseWindowSaysItInChinese(FxRobot robot) {
        Messages chinese = Messages.forLocale(Locale.SIMPLIFIED_CHINESE);
        robot.interact(() -> {
            AudienceViewModel zh = new AudienceViewModel(new FakeEngineService(Duration.ZERO),
                    new SyncJobRunner(e -> dialogs.notifyError("job", e)), dialogs, chinese);
            robot.lookup("#audience-view").query().getScene().setRoot(new AudienceView(zh, chinese));
            zh.resultProperty().set(CannedAudience.result());
        });
        WaitForAsyncUtils.waitForFxEvents();

        select(robot, "audience-tab-apples");
        assertThat(robot.lookup("#audience-backtest").queryAs(Label.class).getText())
                .startsWith("相似用户在当前期的转化率为 50%，其他用户为 10%");
        assertThat(robot.lookup("#chart-tag_lift").queryAs(ChartView.class).getChart().getCategoryPlot()
                .getDataset().getRowKeys()).contains("与目标同现");
        select(robot, "audience-tab-suspects");
        assertThat(robot.lookup("#audience-suspects-text").queryAs(Label.class).getText()).startsWith("刷单：1 位可疑用户");
        assertThat(dialogs.errors).isEmpty();
    }
}
