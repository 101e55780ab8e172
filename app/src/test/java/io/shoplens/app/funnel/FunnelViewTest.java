package io.shoplens.app.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;

import org.jfree.data.category.CategoryDataset;
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

/** The funnel view on the fake engine's canned funnel: shown, it runs and draws the funnel; edits re-run it. */
@ExtendWith(ApplicationExtension.class)
class FunnelViewTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private FunnelView view;

    @Start
    void start(Stage stage) {
        view = new FunnelView(new FunnelViewModel(engine, new SyncJobRunner(e -> dialogs.notifyError("job", e)),
                dialogs, messages), messages);
        view.model().hasDataProperty().set(true);
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    private void show(FxRobot robot) {
        robot.interact(() -> view.model().freshness().shownProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static ChartView chart(FxRobot robot, String name) {
        return robot.lookup("#chart-" + name).queryAs(ChartView.class);
    }

    @Test
    void showsTheFunnelWithConversionAndDropOffPerStep(FxRobot robot) {
        robot.interact(() -> view.model().categoryNamesProperty().set(java.util.Map.of(15L, "家电")));
        show(robot);

        CategoryDataset funnel = chart(robot, "funnel_steps").getChart().getCategoryPlot().getDataset();
        assertThat(funnel.getColumnKeys()).containsExactly("1 search", "2 click", "3 order", "4 pay");
        assertThat(funnel.getRowKeys()).containsExactly("Reached", "Dropped off");
        assertThat(funnel.getValue("Reached", "2 click")).isEqualTo(500.0);
        assertThat(funnel.getValue("Dropped off", "2 click")).isEqualTo(500.0);
        assertThat(funnel.getValue("Reached", "4 pay")).isEqualTo(125.0);
        assertThat(chart(robot, "funnel_times").getChart().getCategoryPlot().getDataset().getRowCount()).isEqualTo(3);
        assertThat(chart(robot, "funnel_correlation").getChart().getCategoryPlot().getDataset().getColumnKeys())
                .containsExactly("searched:手机", "clicked_category:家电 (15)", "channel:social");
        assertThat(robot.lookup("#table-funnel_steps").queryAs(ResultTableView.class).visibleRows().get(1))
                .containsExactly(2L, "click", 500L, 0.5, 0.5, 0.5, 60L, 81.0);
        assertThat(robot.lookup("#table-funnel_dropoff").queryAs(ResultTableView.class).visibleRows()).hasSize(6);
        assertThat(robot.lookup("#chart-funnel_breakdown").tryQuery()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void anAddedStepAndABreakdownReRunTheFunnel(FxRobot robot) {
        show(robot);

        robot.clickOn("#funnel-step-add");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(engine.requests().get(engine.requests().size() - 1).funnel().stepsText())
                .isEqualTo("search,click,order,pay,pay");
        assertThat(chart(robot, "funnel_steps").getChart().getCategoryPlot().getDataset().getColumnCount())
                .isEqualTo(5);

        @SuppressWarnings("unchecked")
        ComboBox<String> by = robot.lookup("#funnel-breakdown").queryAs(ComboBox.class);
        robot.interact(() -> by.setValue("channel"));
        WaitForAsyncUtils.waitForFxEvents();
        CategoryDataset breakdown = chart(robot, "funnel_breakdown").getChart().getCategoryPlot().getDataset();
        assertThat(breakdown.getRowKeys()).containsExactly("search", "social");
        assertThat(breakdown.getValue("social", "2 click")).isEqualTo(0.35);
        assertThat(robot.lookup("#funnel-step-kind-5").tryQuery()).isPresent();
        assertThat(List.copyOf(engine.requests()).get(engine.requests().size() - 1).funnel().breakdown())
                .map(d -> d.text()).contains("channel");
    }
}
