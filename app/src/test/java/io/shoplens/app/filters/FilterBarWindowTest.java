package io.shoplens.app.filters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.AppWiring;
import io.shoplens.app.analysis.AnalysisViewModel;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Debouncer;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.engine.JobContext;
import io.shoplens.app.jobs.FxJobRunner;
import io.shoplens.app.jobs.NamedExecutors;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.PageJump;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.run.RunRequest;

/**
 * The whole window on the fake engine: the filter bar drives every view (typed in the bar, a chip
 * appears, the shown view re-runs for it, another view follows when shown) and a clicked category
 * becomes a chip through "filter everything by this".
 */
@ExtendWith(ApplicationExtension.class)
class FilterBarWindowTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final NamedExecutors executors = new NamedExecutors();
    private AppWiring wiring;

    @Start
    void start(Stage stage) {
        engine.addDataset(FakeEngineService.dataset(1, "user_visit_action.csv", LogKind.USER_VISIT_ACTION, 1000, 0,
                LocalDate.of(2019, 7, 17), LocalDate.of(2019, 7, 30)));
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        wiring = new AppWiring(engine, null, new FxJobRunner(executors, e -> dialogs.notifyError("job", e)), dialogs,
                messages, Path.of("no-samples"), () -> { }, Debouncer.IMMEDIATE);
        stage.setScene(new Scene(wiring.window(), 1280, 800));
        stage.show();
        wiring.workspace().refresh();
    }

    @AfterEach
    void stop() {
        executors.close();
    }

    @Test
    void aFilterTypedInTheBarAppliesToTheShownViewAndToEachViewWhenShown(FxRobot robot) throws Exception {
        waitFor(() -> wiring.overview().model().overviewProperty().get() != null);
        long allSessions = wiring.overview().model().overviewProperty().get().sessions();

        robot.clickOn("#filter-keywords").write("火锅");
        SessionFilter hotpot = SessionFilter.NONE.withKeywords(List.of("火锅"));

        waitFor(() -> hotpot.equals(wiring.overview().model().freshness().computedForProperty().get())
                && !wiring.overview().model().runningProperty().get());
        assertThat(robot.lookup("#chip-keyword-火锅").tryQuery()).isPresent();
        assertThat(wiring.overview().model().overviewProperty().get().sessions()).isNotEqualTo(allSessions);

        robot.clickOn("#tab-pages");
        AnalysisViewModel pages = wiring.analyses().get(1).model();
        waitFor(() -> pages.resultProperty().get() != null && !pages.runningProperty().get());
        assertThat(engine.requests()).extracting(RunRequest::filter).containsExactly(hotpot);
        // The overview, hidden now, was computed for this filter: it is not stale.
        assertThat(wiring.overview().model().freshness().staleProperty().get()).isFalse();
        assertThat(robot.lookup("#pages-view #stale-line").query().isVisible()).isFalse();
    }

    @Test
    void aClickedCategoryFiltersEverythingAndItsChipTakesItBack(FxRobot robot) throws Exception {
        waitFor(() -> wiring.overview().model().overviewProperty().get() != null);
        robot.clickOn("#tab-sessions");
        AnalysisViewModel sessions = wiring.analyses().get(0).model();
        waitFor(() -> sessions.resultProperty().get() != null && !sessions.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Object before = first(robot, "top_categories");
        long category = (Long) sessions.resultProperty().get().table("top_categories").rows().get(2).get(1);

        ChartView chart = robot.lookup("#chart-top_categories").queryAs(ChartView.class);
        robot.interact(() -> ((ScrollPane) robot.lookup("#sessions-view .result-scroll").query()).setVvalue(0.25));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D bar = chart.barCenterOnScreen(String.valueOf(category)).orElseThrow();
        robot.clickOn(bar);
        robot.clickOn("#link-filter");

        SessionFilter byCategory = SessionFilter.NONE.withCategories(List.of(category));
        waitFor(() -> wiring.filters().filterProperty().get().equals(byCategory) && !sessions.runningProperty().get()
                && byCategory.equals(sessions.freshness().computedForProperty().get()));
        assertThat(robot.lookup("#chip-category-" + category).tryQuery()).isPresent();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(first(robot, "top_categories")).isNotEqualTo(before);
        // The overview was computed for no filter: hidden, it says its numbers are for other filters.
        assertThat(wiring.overview().model().freshness().staleProperty().get()).isTrue();

        robot.clickOn(robot.lookup("#chip-category-" + category + " .chip-remove").queryButton());
        waitFor(() -> wiring.filters().filterProperty().get().equals(SessionFilter.NONE)
                && SessionFilter.NONE.equals(sessions.freshness().computedForProperty().get())
                && !sessions.runningProperty().get());
        assertThat(robot.lookup("#filter-chips .filter-chip").tryQuery()).isEmpty();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aClickedPageJumpFiltersEverythingBySessionsThatMadeIt(FxRobot robot) throws Exception {
        waitFor(() -> wiring.overview().model().overviewProperty().get() != null);
        robot.clickOn("#tab-pages");
        AnalysisViewModel pages = wiring.analyses().get(1).model();
        waitFor(() -> pages.resultProperty().get() != null && !pages.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Object before = first(robot, "page_jumps");

        ChartView chart = robot.lookup("#chart-page_jumps").queryAs(ChartView.class);
        robot.clickOn(chart.barCenterOnScreen("3→4").orElseThrow());
        robot.clickOn("#link-filter");

        SessionFilter jumped = SessionFilter.NONE.withPageJumps(List.of(new PageJump(3, 4)));
        waitFor(() -> wiring.filters().filterProperty().get().equals(jumped) && !pages.runningProperty().get()
                && jumped.equals(pages.freshness().computedForProperty().get()));
        assertThat(robot.lookup("#chip-jump-3-4 .label").queryLabeled().getText()).isEqualTo("Jump 3→4");
        assertThat(engine.requests()).last().satisfies(r -> assertThat(r.filter()).isEqualTo(jumped));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(first(robot, "page_jumps")).isNotEqualTo(before);
        assertThat(wiring.overview().model().freshness().staleProperty().get()).isTrue();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aClickedProvinceCountsOnlyItsAdClicksAndSessionViewsIgnoreIt(FxRobot robot) throws Exception {
        waitFor(() -> wiring.overview().model().overviewProperty().get() != null
                && !wiring.overview().model().runningProperty().get());
        robot.clickOn("#tab-ads");
        AnalysisViewModel ads = wiring.analyses().get(3).model();
        waitFor(() -> ads.resultProperty().get() != null && !ads.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        ChartView chart = robot.lookup("#chart-top_ads").queryAs(ChartView.class);
        robot.interact(() -> scrollTo(robot.lookup("#ads-view .result-scroll").query(), chart));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(chart.barCenterOnScreen("Shanghai").orElseThrow());
        robot.clickOn("#link-filter");

        waitFor(() -> wiring.filters().adProvincesProperty().get().equals(List.of("Shanghai"))
                && !ads.runningProperty().get() && !ads.freshness().staleProperty().get());
        assertThat(engine.requests()).last().satisfies(r -> {
            assertThat(r.ads().provinces()).containsExactly("Shanghai");
            assertThat(r.filter()).isEqualTo(SessionFilter.NONE);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#table-province_by_ad").queryAs(ResultTableView.class).visibleRows())
                .extracting(row -> row.get(0)).containsExactly("Shanghai");
        javafx.scene.Node chip = robot.lookup("#chip-province-Shanghai").query();
        assertThat(robot.from(chip).lookup(".label").queryLabeled().getText()).isEqualTo("Province: Shanghai (ad clicks)");
        assertThat(javafx.scene.control.Tooltip.class.cast(chip.getProperties().get("javafx.scene.control.Tooltip"))
                .getText()).contains("Session views ignore it");
        // The session filter did not change: the overview still answers it.
        assertThat(wiring.filters().filterProperty().get()).isEqualTo(SessionFilter.NONE);
        assertThat(wiring.overview().model().freshness().staleProperty().get()).isFalse();

        robot.clickOn(robot.lookup("#chip-province-Shanghai .chip-remove").queryButton());
        waitFor(() -> wiring.filters().adProvincesProperty().get().isEmpty() && !ads.runningProperty().get()
                && !ads.freshness().staleProperty().get());
        assertThat(engine.requests()).last().satisfies(r -> assertThat(r.ads().provinces()).isEmpty());
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aReopenedWindowGetsBackTheProvincesOfTheAdsViewsLastRun(FxRobot robot) throws Exception {
        waitFor(() -> wiring.overview().model().overviewProperty().get() != null
                && !wiring.overview().model().runningProperty().get());
        RunRequest shanghai = RunRequest.defaults(List.of(AdClickAnalysis.NAME)).withAds(new AdParams(
                AdParams.DEFAULT_BLACKLIST_THRESHOLD, java.time.ZoneOffset.UTC, List.of("Shanghai")));
        engine.run(shanghai, JobContext.NONE);

        robot.interact(wiring::showLastSession);

        waitFor(() -> wiring.filters().adProvincesProperty().get().equals(List.of("Shanghai")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#chip-province-Shanghai").tryQuery()).isPresent();
        assertThat(wiring.filters().filterProperty().get()).isEqualTo(SessionFilter.NONE);
        robot.clickOn("#tab-ads");
        AnalysisViewModel ads = wiring.analyses().get(3).model();
        waitFor(() -> ads.resultProperty().get() != null && !ads.runningProperty().get());
        // The stored result answers the restored provinces: shown as it is, not counted again.
        assertThat(ads.freshness().staleProperty().get()).isFalse();
        assertThat(engine.requests()).containsExactly(shanghai);
        assertThat(dialogs.errors).isEmpty();
    }

    /** Scrolls {@code scroll} so that {@code node}, somewhere in its content, is at the top. */
    private static void scrollTo(ScrollPane scroll, javafx.scene.Node node) {
        javafx.scene.Node content = scroll.getContent();
        double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
        double room = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(room <= 0 ? 0 : Math.min(1, y / room));
    }

    private static Object first(FxRobot robot, String table) {
        return robot.lookup("#table-" + table).queryAs(ResultTableView.class).visibleRows().get(0);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
