package io.shoplens.app.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.apache.spark.sql.SparkSession;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.AppWiring;
import io.shoplens.app.analysis.ResultTableView;
import io.shoplens.app.charts.ChartView;
import io.shoplens.app.common.Messages;
import io.shoplens.app.imports.RejectedRowsDialog;
import io.shoplens.app.jobs.FxJobRunner;
import io.shoplens.app.jobs.NamedExecutors;
import io.shoplens.app.testing.FxPulseProbe;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.overview.Overview;
import io.shoplens.engine.run.AnalysisRunner;
import io.shoplens.engine.run.ColdRun;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.sessions.SessionAnalysis.SessionParams;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.workspace.DatasetInfo;
import io.shoplens.engine.workspace.ReferenceConflict;
import io.shoplens.engine.workspace.RejectedRow;
import io.shoplens.engine.workspace.RunStatus;
import io.shoplens.engine.workspace.RunSummary;
import io.shoplens.engine.workspace.Workspace;

/**
 * The whole window on the real engine over the committed shop sample (imported once into a
 * shared workspace): what each view shows, answered by the warm session model, is exactly what
 * the batch runner computes from the raw tables; the filter bar applies to every view; cancel
 * leaves the workspace as it was; a reopened workspace shows its last results without re-running.
 */
@ExtendWith(ApplicationExtension.class)
class SparkEngineAppTest {

    static final SparkSettings LOCAL = SparkSettings.fromEnvironment().withMaster("local[2]");
    private static final long WAIT_SECONDS = 240;

    @TempDir
    static Path shared;
    static Path folder;
    static ImportReport sampleImport;
    static SparkSession spark;

    @TempDir
    Path own;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final NamedExecutors executors = new NamedExecutors();
    private final List<RunRequest> requests = new CopyOnWriteArrayList<>();
    private SparkEngineService service;
    private AppWiring wiring;
    private Stage stage;
    private volatile CountDownLatch midRun;

    @BeforeAll
    static void importTheShopSample() throws Exception {
        spark = SparkSessions.shared(LOCAL);
        folder = shared.resolve("ws");
        try (SparkEngineService engine = new SparkEngineService(folder, LOCAL, false)) {
            sampleImport = engine.importFiles(sampleFiles(), JobContext.NONE);
        }
    }

    @AfterAll
    static void keepSpark() {
        // The session is shared by the test JVM (SparkSessions.shared); nothing to stop here.
    }

    static List<ImportItem> sampleFiles() throws IOException {
        Path samples = Path.of("").toAbsolutePath().getParent().resolve("sample-logs/shop");
        try (Stream<Path> files = Files.list(samples)) {
            return files.sorted().map(f -> new ImportItem(f, Optional.empty())).toList();
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        service = new SparkEngineService(folder, LOCAL, false);
        wiring = new AppWiring(new Recording(service), new FxJobRunner(executors, e -> dialogs.notifyError("job", e)),
                dialogs, messages, Path.of("no-samples"), () -> { });
        stage.setScene(new Scene(wiring.window(), 1300, 850));
        stage.show();
    }

    @AfterEach
    void stop() {
        executors.close();
        service.close();
        System.clearProperty(MAX_MEMORY_ACTIONS);
    }

    private static final String MAX_MEMORY_ACTIONS = "shoplens.memory.maxActions";

    /**
     * Every analysis on Spark, as for a workspace too big to hold in the heap: held in memory, the
     * sample's ads and sessions answer in milliseconds, with no Spark task to show or to cancel.
     * Read when the engine is first used, so called before {@code wiring.start()}.
     */
    private static void everyAnalysisOnSpark() {
        System.setProperty(MAX_MEMORY_ACTIONS, "0");
    }

    @Test
    void theImportedSampleIsListedWithItsCounts(FxRobot robot) throws Exception {
        wiring.workspace().refresh();
        waitFor(() -> wiring.workspace().datasets().size() == 6);

        assertThat(sampleImport.read()).isEqualTo(sampleImport.accepted()).isEqualTo(82_098);
        assertThat(sampleImport.notes()).isEmpty();
        ListView<DatasetInfo> list = robot.lookup("#dataset-list").queryListView();
        assertThat(list.getItems()).extracting(DatasetInfo::name, DatasetInfo::kind, DatasetInfo::rowsAccepted,
                        DatasetInfo::rowsRejected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ad_click.csv", LogKind.AD_CLICK, 20_000L, 0L),
                        org.assertj.core.groups.Tuple.tuple("category_info.csv", LogKind.CATEGORY_INFO, 20L, 0L),
                        org.assertj.core.groups.Tuple.tuple("city_info.csv", LogKind.CITY_INFO, 10L, 0L),
                        org.assertj.core.groups.Tuple.tuple("product_info.csv", LogKind.PRODUCT_INFO, 100L, 0L),
                        org.assertj.core.groups.Tuple.tuple("user_info.csv", LogKind.USER_INFO, 400L, 0L),
                        org.assertj.core.groups.Tuple.tuple("user_visit_action.csv", LogKind.USER_VISIT_ACTION,
                                61_568L, 0L));
        assertThat(list.getItems().get(5).minDate()).hasToString("2019-07-17");
        assertThat(list.getItems().get(5).maxDate()).hasToString("2019-08-13");
    }

    @Test
    void aBadFileShowsItsRejectedLinesInTheTable(FxRobot robot) throws Exception {
        Path bad = Files.writeString(own.resolve("cities.csv"), """
                city_id,city_name,area
                1,北京,华北
                2,上海
                3,南京,华东
                x,广州,华南
                """);
        Path badDate = Files.writeString(own.resolve("actions.csv"), """
                date,user_id,session_id,page_id,action_time,search_keyword,click_category_id,click_product_id,order_category_ids,order_product_ids,pay_category_ids,pay_product_ids,city_id
                2019-07-17,1,s1,1,2019-07-17 10:00:00,null,3,4,null,null,null,null,1
                2019-13-45,1,s1,2,2019-07-17 10:00:05,null,3,4,null,null,null,null,1
                """);
        ImportReport report;
        try (SparkEngineService engine = new SparkEngineService(own.resolve("ws"), LOCAL, false)) {
            report = engine.importFiles(List.of(new ImportItem(bad, Optional.empty()),
                    new ImportItem(badDate, Optional.empty())), JobContext.NONE);
        }
        robot.interact(() -> new RejectedRowsDialog(stage, messages, report).show());

        TableView<RejectedRow> table = robot.lookup("#rejected-rows").queryTableView();
        assertThat(table.getItems()).extracting(r -> Path.of(r.file()).getFileName().toString(),
                        RejectedRow::line, RejectedRow::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cities.csv", 3L, "2,上海"),
                        org.assertj.core.groups.Tuple.tuple("cities.csv", 5L, "x,广州,华南"),
                        org.assertj.core.groups.Tuple.tuple("actions.csv", 3L,
                                "2019-13-45,1,s1,2,2019-07-17 10:00:05,null,3,4,null,null,null,null,1"));
        assertThat(table.getItems()).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
        assertThat(List.of(report.read(), report.accepted(), report.rejected())).containsExactly(6L, 3L, 3L);
    }

    @Test
    void eachViewShowsExactlyWhatTheEngineComputes(FxRobot robot) throws Exception {
        wiring.start();
        waitFor(() -> wiring.workspace().engineReadyProperty().get() && !wiring.workspace().datasets().isEmpty());

        // The overview computes itself once data is in, with nothing pressed.
        waitFor(() -> overviewFresh());
        Overview overview = wiring.overview().model().overviewProperty().get();

        AnalysisResult sessions = showInTheWindow(robot, "sessions");
        assertThat(categoryColumns(robot, "visit_length")).isEqualTo(sessions.table("visit_length").rows().size());
        assertThat(categoryColumns(robot, "step_length")).isEqualTo(sessions.table("step_length").rows().size());
        assertThat(categoryColumns(robot, "top_categories")).isEqualTo(sessions.table("top_categories").rows().size());
        assertFirstRow(robot, sessions, "visit_length");
        assertFirstRow(robot, sessions, "top_categories");
        assertFirstRow(robot, sessions, "top_sessions");
        // The overview's sessions are the sessions analysis' (every session falls in one visit-length bucket).
        assertThat(overview.sessions()).isEqualTo(totalOf(sessions.table("visit_length"), "sessions"));

        AnalysisResult pages = showInTheWindow(robot, "pages");
        assertThat(categoryColumns(robot, "page_jumps")).isEqualTo(pages.table("page_jumps").rows().size());
        assertThat(categoryColumns(robot, "session_funnel")).isEqualTo(pages.table("session_funnel").rows().size());
        assertFirstRow(robot, pages, "page_jumps");

        AnalysisResult products = showInTheWindow(robot, "products");
        CategoryPlot top = chart(robot, "top_products").getChart().getCategoryPlot();
        assertThat(top.getDataset().getColumnKeys()).containsExactlyElementsOf(
                products.table("top_products").rows().stream().map(r -> r.get(0)).distinct().toList());
        assertFirstRow(robot, products, "top_products");

        AnalysisResult ads = showInTheWindow(robot, "ads");
        // The busiest ads' lines, as many as the palette has colours (the sample has 20 ads).
        assertThat(chart(robot, "minute_trend").getChart().getXYPlot().getDataset().getSeriesCount())
                .isEqualTo((int) Math.min(io.shoplens.engine.ads.AdCharts.TREND_ADS,
                        ads.table("minute_trend").rows().stream().map(r -> r.get(1)).distinct().count()));
        assertFirstRow(robot, ads, "daily_clicks");

        AnalysisResult gmv = showInTheWindow(robot, "gmv");
        assertThat(gmvPerDay(robot).getDataset().getItemCount(0)).isEqualTo(gmv.table("gmv_daily").rows().size());
        // The sample's sessions start on 28 days: the explorer compares the last 7 with the 7
        // before, and the bridge has data on both sides.
        var explorer = ((io.shoplens.app.gmv.GmvViewModel) wiring.analyses().get(4).model()).explorer();
        assertThat(List.of(explorer.baseFromProperty().get(), explorer.baseToProperty().get(),
                explorer.currentFromProperty().get(), explorer.currentToProperty().get()).toString())
                .isEqualTo("[2019-07-31, 2019-08-06, 2019-08-07, 2019-08-13]");
        assertThat(explorer.sliceProperty().get().bridge().gmvBase()).isPositive();
        assertThat(explorer.sliceProperty().get().bridge().gmvCurrent()).isPositive();
        // The explorer's breakdown (from the cube, in plain Java) shows the engine's channel rows.
        robot.interact(() -> robot.lookup("#gmv-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        Map<Object, Object> sessionsPerChannel = gmv.table("gmv_breakdown").rows().stream()
                .filter(r -> r.get(0).equals("channel")).collect(Collectors.toMap(r -> r.get(1), r -> r.get(2)));
        assertThat(table(robot, "gmv_values").visibleRows().stream()
                .collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)))).isEqualTo(sessionsPerChannel);
        assertThat(overview.gmv().doubleValue()).isCloseTo(
                gmv.table("gmv_daily").rows().stream().mapToDouble(r -> ((Number) r.get(3)).doubleValue()).sum(),
                org.assertj.core.data.Offset.offset(0.005));
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void theFilterBarAppliesToEveryViewAndAChipTakesItBack(FxRobot robot) throws Exception {
        wiring.start();
        waitFor(() -> wiring.workspace().engineReadyProperty().get()
                && wiring.filters().sexChoices().contains("female"));
        waitFor(this::overviewFresh);
        long allSessions = wiring.overview().model().overviewProperty().get().sessions();

        // Female, picked in the bar's Sex picker as a user would.
        robot.clickOn("#filter-sex");
        robot.clickOn(robot.lookup(".check-box").match(n -> n.getParent() != null
                && n.getParent().toString().contains("female")).queryAs(javafx.scene.Node.class));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        SessionFilter women = SessionFilter.NONE.withSexes(List.of("female"));
        waitFor(() -> wiring.filters().filterProperty().get().equals(women) && overviewFresh());

        assertThat(robot.lookup("#chip-sex-female").tryQuery()).isPresent();
        long womenSessions = wiring.overview().model().overviewProperty().get().sessions();
        AnalysisResult expectedAll = expected(RunRequest.defaults(List.of("sessions")));
        AnalysisResult expectedWomen = expected(RunRequest.defaults(List.of("sessions")).withFilter(women));
        assertThat(womenSessions).isEqualTo(totalOf(expectedWomen.table("visit_length"), "sessions"))
                .isLessThan(allSessions);

        // Another view follows the same filter when it is shown, and says nothing is stale once fresh.
        AnalysisResult sessions = showInTheWindow(robot, "sessions");
        assertThat(requests.get(requests.size() - 1).filter()).isEqualTo(women);
        assertThat(sessions.tables()).isEqualTo(expectedWomen.tables());
        assertThat(robot.lookup("#sessions-view #stale-line").query().isVisible()).isFalse();
        // The overview, now hidden, still shows women: it is fresh for them.
        assertThat(wiring.overview().model().freshness().staleProperty().get()).isFalse();

        // Removing the chip takes the filter back; the visible view re-runs at once.
        robot.clickOn(robot.lookup("#chip-sex-female .chip-remove").queryButton());
        waitFor(() -> wiring.filters().filterProperty().get().equals(SessionFilter.NONE)
                && !wiring.analyses().get(0).model().runningProperty().get()
                && !wiring.analyses().get(0).model().freshness().staleProperty().get());
        assertThat(wiring.analyses().get(0).model().resultProperty().get().tables()).isEqualTo(expectedAll.tables());
        // The overview was computed for women and is hidden: it says so until it is shown.
        assertThat(wiring.overview().model().freshness().staleProperty().get()).isTrue();
        robot.clickOn("#tab-overview");
        waitFor(this::overviewFresh);
        assertThat(wiring.overview().model().overviewProperty().get().sessions()).isEqualTo(allSessions);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void cancellingAnAnalysisStopsItAndLeavesTheWorkspaceAsItWas(FxRobot robot) throws Exception {
        everyAnalysisOnSpark();
        wiring.start();
        waitFor(() -> wiring.workspace().engineReadyProperty().get() && !wiring.workspace().datasets().isEmpty());
        waitFor(this::overviewFresh);
        var ads = wiring.analyses().get(3).model();
        robot.clickOn("#tab-ads");
        waitFor(() -> !ads.runningProperty().get() && ads.resultProperty().get() != null);
        List<RunSummary> runsBefore = runs();
        List<DatasetInfo> datasetsBefore = service.datasets();
        Optional<AnalysisResult> lastBefore = service.lastResult("ads");
        AnalysisResult shownBefore = ads.resultProperty().get();
        midRun = new CountDownLatch(1);

        // A new threshold re-runs the ad clicks on Spark.
        robot.clickOn("#ads-view #blacklist-threshold").eraseText(3).write("77");
        // Cancel once Spark has finished some of the analysis' tasks but not all of them.
        assertThat(midRun.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        robot.clickOn("#cancel-job");
        waitFor(() -> !ads.runningProperty().get());
        // The window is free at once; the worker records the cancel when Spark has let go of its tasks.
        waitFor(() -> runs().size() == runsBefore.size() + 1 && runs().get(0).status() != RunStatus.RUNNING);

        assertThat(ads.resultProperty().get()).isSameAs(shownBefore);
        assertThat(dialogs.errors).isEmpty();
        List<RunSummary> runsAfter = runs();
        assertThat(runsAfter).hasSize(runsBefore.size() + 1);
        assertThat(runsAfter.get(0).status()).as(runsAfter.get(0).error()).isEqualTo(RunStatus.CANCELLED);
        assertThat(runsAfter.subList(1, runsAfter.size())).isEqualTo(runsBefore);
        assertThat(service.datasets()).isEqualTo(datasetsBefore);
        assertThat(service.lastResult("ads").map(AnalysisResult::tables))
                .isEqualTo(lastBefore.map(AnalysisResult::tables));
        // Responsive: the form takes input at once.
        robot.clickOn("#ads-view #blacklist-threshold").eraseText(2).write("100");
        assertThat(robot.lookup("#ads-view #blacklist-threshold").queryAs(TextField.class).getText()).isEqualTo("100");
    }

    @Test
    void theFxThreadIsNeverBlockedWhileASparkAnalysisRuns(FxRobot robot) throws Exception {
        var model = wiring.analyses().get(3).model();
        everyAnalysisOnSpark();
        wiring.start();
        waitFor(() -> wiring.workspace().engineReadyProperty().get()
                && !wiring.workspace().choicesProperty().get().professionals().isEmpty() && overviewFresh());
        robot.clickOn("#tab-ads");
        waitFor(() -> !model.runningProperty().get() && model.resultProperty().get() != null);
        FxPulseProbe probe = new FxPulseProbe();
        // The probe stops the moment the result arrives: drawing the result is not the analysis running.
        model.resultProperty().addListener((obs, old, result) -> probe.stop());
        java.util.Set<Double> progress = java.util.concurrent.ConcurrentHashMap.newKeySet();
        robot.lookup("#status").queryAs(org.controlsfx.control.StatusBar.class).progressProperty()
                .addListener((obs, old, value) -> {
                    if (value.doubleValue() > 0 && value.doubleValue() < 1) {
                        progress.add(value.doubleValue());
                    }
                });
        AnalysisResult before = model.resultProperty().get();
        robot.interact(probe::start);

        // A new threshold re-runs the ad clicks on Spark.
        robot.clickOn("#ads-view #blacklist-threshold").eraseText(3).write("88");
        waitFor(() -> model.resultProperty().get() != before && !model.runningProperty().get());

        System.out.println(probe + "; the status bar showed " + progress.size() + " progress values");
        assertThat(dialogs.errors).isEmpty();
        // Spark's task progress reached the status bar (through the FX thread) while the probe watched.
        assertThat(progress).as("progress values shown while Spark ran").hasSizeGreaterThan(1);
        assertThat(probe.pulses()).as("pulses while Spark ran").isGreaterThan(20);
        assertThat(probe.blockedMillis()).as("FX thread kept busy by its own work")
                .isLessThan(100);
    }

    @Test
    void aCancelledImportLeavesDatasetsAndDataUnchanged() throws Exception {
        List<DatasetInfo> before = service.datasets();
        List<String> dataBefore = listing(folder.resolve("data"));
        Path extra = Files.writeString(own.resolve("more_cities.csv"), "city_id,city_name,area\n"
                + "1,北京,华北\n".repeat(5000));
        CancellingContext job = new CancellingContext();

        assertThatThrownBy(() -> service.importFiles(List.of(new ImportItem(extra, Optional.empty())), job))
                .isInstanceOf(CancellationException.class);

        assertThat(job.cancelled.get()).isTrue();
        assertThat(service.datasets()).isEqualTo(before);
        assertThat(listing(folder.resolve("data"))).isEqualTo(dataBefore);
    }

    @Test
    void aSparkFailureIsANotificationWithDetailsAndARecordedFailedRun() throws Exception {
        Path actions = Files.writeString(own.resolve("actions.csv"), """
                date,user_id,session_id,page_id,action_time,search_keyword,click_category_id,click_product_id,order_category_ids,order_product_ids,pay_category_ids,pay_product_ids,city_id
                2019-07-17,1,s1,1,2019-07-17 10:00:00,null,3,4,null,null,null,null,1
                2019-07-17,1,s1,2,2019-07-17 10:00:05,null,3,4,null,null,null,null,1
                """);
        try (SparkEngineService engine = new SparkEngineService(own.resolve("ws"), LOCAL, false)) {
            engine.importFiles(List.of(new ImportItem(actions, Optional.empty())), JobContext.NONE);
            // The dataset's Parquet files vanish behind the catalog's back: Spark cannot read them.
            Path data;
            try (Workspace ws = Workspace.open(own.resolve("ws"))) {
                data = Path.of(ws.datasets().all().get(0).dataLocation());
            }
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            io.shoplens.app.pages.PagesViewModel pages = new io.shoplens.app.pages.PagesViewModel(engine,
                    new io.shoplens.app.jobs.SyncJobRunner(e -> dialogs.notifyError("job", e)), dialogs, messages);
            pages.hasDataProperty().set(true);

            pages.run();

            assertThat(pages.resultProperty().get()).isNull();
            assertThat(pages.runningProperty().get()).isFalse();
            assertThat(dialogs.errors).hasSize(1);
            assertThat(dialogs.errorCauses.get(0)).hasStackTraceContaining(data.toString());
            try (Workspace ws = Workspace.open(own.resolve("ws"))) {
                assertThat(ws.runs().all()).singleElement().satisfies(run -> {
                    assertThat(run.status()).isEqualTo(RunStatus.FAILED);
                    assertThat(run.error()).isNotBlank();
                });
            }
        }
    }

    @Test
    void aComparisonAnswersFromTheWarmModelAndIsNotRecorded() throws Exception {
        // u1 pays 3 s after searching, without a click: two rules, a suspect. u2 clicks, then pays.
        Path actions = Files.writeString(own.resolve("actions.csv"), """
                date,user_id,session_id,page_id,action_time,search_keyword,click_category_id,click_product_id,order_category_ids,order_product_ids,pay_category_ids,pay_product_ids,city_id
                2019-07-17,1,s1,1,2019-07-17 10:00:00,火锅,null,null,null,null,null,null,1
                2019-07-17,1,s1,2,2019-07-17 10:00:03,null,null,null,null,null,1,10,1
                2019-07-17,2,s2,1,2019-07-17 11:00:00,null,1,12,null,null,null,null,1
                2019-07-17,2,s2,2,2019-07-17 11:00:30,null,null,null,null,null,1,12,1
                """);
        try (SparkEngineService engine = new SparkEngineService(own.resolve("ws"), LOCAL, false)) {
            engine.importFiles(List.of(new ImportItem(actions, Optional.empty())), JobContext.NONE);
            RunRequest gmv = RunRequest.defaults(List.of("gmv"));

            AnalysisResult shown = engine.run(gmv, JobContext.NONE);
            AnalysisResult without = engine.compare(gmv.withFilter(SessionFilter.NONE.withExcludeSuspects(true)),
                    JobContext.NONE);

            assertThat(io.shoplens.engine.gmv.GmvComparison.of(shown, without).with().sessions()).isEqualTo(2);
            assertThat(io.shoplens.engine.gmv.GmvComparison.of(shown, without).without().sessions()).isEqualTo(1);
            assertThat(engine.lastResult("gmv")).contains(shown);
            assertThat(engine.lastFilter()).contains(SessionFilter.NONE);
            try (Workspace ws = Workspace.open(own.resolve("ws"))) {
                assertThat(ws.runs().all()).singleElement().satisfies(run ->
                        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED));
            }
        }
    }

    @Test
    void funnelStepsAreOfferedTheSamplesPagesKeywordsAndProducts() throws Exception {
        FilterChoices choices = service.filterChoices();

        assertThat(choices.pages()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        // Most searched first (a recount of the sample's CSV: 火锅 2,569, 蛋糕 1,935, ...).
        assertThat(choices.keywords()).hasSize(8).startsWith("火锅", "蛋糕", "日本料理", "重庆辣子鸡", "温泉");
        // Most clicked first, named by product_info (3,293, 1,803 and 1,686 clicks).
        assertThat(choices.products()).hasSize(100).startsWith(1L, 2L, 5L);
        assertThat(choices.products().subList(0, 3)).extracting(id -> choices.productText(id))
                .containsExactly("手机0001 (1)", "笔记本0002 (2)", "咖啡0005 (5)");
    }

    @Test
    void aReopenedWorkspaceShowsItsLastResultsWithoutSpark(FxRobot robot) throws Exception {
        Path reopened = own.resolve("ws");
        List<AnalysisResult> fresh = new ArrayList<>();
        try (SparkEngineService first = new SparkEngineService(reopened, LOCAL, false)) {
            first.importFiles(sampleFiles(), JobContext.NONE);
            first.filterChoices(); // as the window does after an import
            for (RunRequest request : List.of(
                    RunRequest.defaults(List.of("sessions")).withSessions(new SessionParams(20, 7)),
                    RunRequest.defaults(List.of("products")),
                    RunRequest.defaults(List.of("gmv")).withFilter(SessionFilter.NONE
                            .withDates(java.time.LocalDate.of(2019, 7, 17), java.time.LocalDate.of(2019, 7, 24)))
                            .withGmv(new GmvParams(
                                    Optional.of(new DateRange(java.time.LocalDate.of(2019, 7, 18),
                                            java.time.LocalDate.of(2019, 7, 20))),
                                    Optional.of(new DateRange(java.time.LocalDate.of(2019, 7, 21),
                                            java.time.LocalDate.of(2019, 7, 24))))),
                    RunRequest.defaults(List.of("ads")).withAds(new AdParams(100, java.time.ZoneOffset.UTC)))) {
                fresh.add(first.run(request, JobContext.NONE));
            }
        }

        SparkEngineService again = new SparkEngineService(reopened, LOCAL, false);
        requests.clear();
        try {
            AppWiring window = new AppWiring(new Recording(again), new FxJobRunner(executors, e -> dialogs.notifyError("job", e)),
                    dialogs, messages, Path.of("no-samples"), () -> { });
            robot.interact(() -> {
                stage.setScene(new Scene(window.window(), 1300, 850));
                // What AppWiring.start() does before it warms Spark up.
                window.workspace().refresh();
                window.showLastSession();
            });
            waitFor(() -> window.analyses().stream().filter(v -> v.model().resultProperty().get() != null).count() == 4
                    && window.filters().filterProperty().get().from().isPresent()
                    && window.workspace().datasets().size() == 6
                    && !window.workspace().choicesProperty().get().professionals().isEmpty());

            for (AnalysisResult computed : fresh) {
                // Same values with the same types as when they were computed: the views render them alike.
                AnalysisResult shown = window.analyses().stream().map(v -> v.model().resultProperty().get())
                        .filter(java.util.Objects::nonNull)
                        .filter(r -> r.analysis().equals(computed.analysis())).findFirst().orElseThrow();
                assertThat(shown.tables()).isEqualTo(computed.tables());
            }
            robot.interact(() -> robot.lookup("#analyses").queryAs(TabPane.class).getSelectionModel().select(5));
            assertThat(gmvPerDay(robot).getDataset().getItemCount(0))
                    .isEqualTo(fresh.get(2).table("gmv_daily").rows().size());
            // The options that produced each result are back in its panel; the explorer opens on the run's periods.
            var explorer = ((io.shoplens.app.gmv.GmvViewModel) window.analyses().get(4).model()).explorer();
            assertThat(List.of(explorer.baseFromProperty().get(), explorer.baseToProperty().get(),
                    explorer.currentFromProperty().get(), explorer.currentToProperty().get()).toString())
                    .isEqualTo("[2019-07-18, 2019-07-20, 2019-07-21, 2019-07-24]");
            assertThat(robot.lookup("#sessions-view #sample-size").queryAs(TextField.class).getText()).isEqualTo("20");
            assertThat(robot.lookup("#sessions-view #seed").queryAs(TextField.class).getText()).isEqualTo("7");
            // The bar holds the filter of the last run it applies to (GMV's, not that of the ad clicks run after it):
            // the GMV result shown answers it, so showing the tab ran nothing.
            assertThat(window.filters().filterProperty().get())
                    .isEqualTo(SessionFilter.NONE.withDates(
                            java.time.LocalDate.of(2019, 7, 17), java.time.LocalDate.of(2019, 7, 24)));
            // Read back, not recomputed: no analysis ran.
            assertThat(requests).isEmpty();
            assertThat(dialogs.errors).isEmpty();
        } finally {
            again.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Shows the analysis' tab, waits for its fresh result, and returns what the engine computes for the same request. */
    private AnalysisResult showInTheWindow(FxRobot robot, String analysis) throws Exception {
        robot.clickOn("#tab-" + analysis);
        var model = wiring.analyses().stream().filter(v -> v.model().analysis().equals(analysis)).findFirst()
                .orElseThrow().model();
        waitFor(() -> !model.runningProperty().get() && model.resultProperty().get() != null
                && !model.freshness().staleProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        if (requests.isEmpty() || !requests.get(requests.size() - 1).includes(analysis)) {
            // Fresh from the catalog's last run (another test's): the engine's result for that run's request.
            return expected(service.lastRequest(analysis).orElseThrow());
        }
        return expected(requests.get(requests.size() - 1));
    }

    /**
     * The tables a one-shot {@code analyze} computes: its own session model made from the raw
     * tables, not the app's warm engine. The engine's tests hold that path to Spark's batch runner
     * table by table; asking the batch runner here as well cost this class a minute per run.
     */
    private static AnalysisResult expected(RunRequest request) {
        try (Workspace ws = Workspace.open(folder)) {
            return ColdRun.run(ws.tables(spark), request, AnalysisRunner.Listener.NONE).results().get(0);
        }
    }

    private boolean overviewFresh() {
        var overview = wiring.overview().model();
        return overview.overviewProperty().get() != null && !overview.runningProperty().get()
                && !overview.freshness().staleProperty().get();
    }

    private static long totalOf(ResultTable table, String column) {
        int index = table.columnIndex(column);
        return table.rows().stream().mapToLong(r -> ((Number) r.get(index)).longValue()).sum();
    }

    private static void assertFirstRow(FxRobot robot, AnalysisResult expected, String table) {
        ResultTable want = expected.table(table);
        assertThat(want.rows()).isNotEmpty();
        assertThat(table(robot, table).visibleRows().get(0)).isEqualTo(want.rows().get(0));
    }

    private static int categoryColumns(FxRobot robot, String chart) {
        return chart(robot, chart).getChart().getCategoryPlot().getDataset().getColumnCount();
    }

    private static ResultTableView table(FxRobot robot, String name) {
        return robot.lookup("#table-" + name).match(n -> n.isVisible()).queryAs(ResultTableView.class);
    }

    /** The first plot of the GMV trend's small multiples: GMV per day. */
    private static XYPlot gmvPerDay(FxRobot robot) {
        CombinedDomainXYPlot trend = (CombinedDomainXYPlot) chart(robot, "gmv_trend").getChart().getPlot();
        return (XYPlot) trend.getSubplots().get(0);
    }

    private static ChartView chart(FxRobot robot, String name) {
        return robot.lookup("#chart-" + name).match(n -> n.isVisible()).queryAs(ChartView.class);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }

    private static List<RunSummary> runs() {
        try (Workspace ws = Workspace.open(folder)) {
            return ws.runs().all();
        }
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> root.relativize(p) + (Files.isDirectory(p) ? "/" : " " + p.toFile().length()))
                    .sorted().toList();
        }
    }

    /** Cancels itself at the importer's first progress report, as a user pressing Cancel would. */
    private static final class CancellingContext implements JobContext {
        final AtomicBoolean cancelled = new AtomicBoolean();
        final List<Runnable> actions = new CopyOnWriteArrayList<>();

        @Override
        public String group() {
            return "cancelling-import";
        }

        @Override
        public void progress(long done, long total) {
            if (cancelled.compareAndSet(false, true)) {
                actions.forEach(Runnable::run);
            }
        }

        @Override
        public void message(String text) {
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void onCancel(Runnable action) {
            actions.add(action);
        }
    }

    /** The real service, recording what the window asks for and telling the test when a run is half done. */
    private final class Recording implements EngineService {
        private final EngineService real;

        Recording(EngineService real) {
            this.real = real;
        }

        @Override
        public void warmUp() throws Exception {
            real.warmUp();
        }

        @Override
        public List<DatasetInfo> datasets() throws Exception {
            return real.datasets();
        }

        @Override
        public FilterChoices filterChoices() throws Exception {
            return real.filterChoices();
        }

        @Override
        public ImportPreview preview(Path file) throws IOException {
            return real.preview(file);
        }

        @Override
        public ImportReport importFiles(List<ImportItem> items, JobContext job) throws Exception {
            return real.importFiles(items, job);
        }

        @Override
        public void warmModel(JobContext job) throws Exception {
            real.warmModel(job);
        }

        @Override
        public Overview overview(SessionFilter filter, JobContext job) throws Exception {
            return real.overview(filter, job);
        }

        @Override
        public AnalysisResult compare(RunRequest request, JobContext job) throws Exception {
            return real.compare(request, job);
        }

        @Override
        public Optional<RunRequest> lastRequest(String analysis) throws Exception {
            return real.lastRequest(analysis);
        }

        @Override
        public Optional<SessionFilter> lastFilter() throws Exception {
            return real.lastFilter();
        }

                @Override
        public AnalysisResult run(RunRequest request, JobContext job) throws Exception {
            requests.add(request);
            return real.run(request, new JobContext() {
                @Override
                public String group() {
                    return job.group();
                }

                @Override
                public void progress(long done, long total) {
                    job.progress(done, total);
                    CountDownLatch latch = midRun;
                    if (latch != null && done > 0 && done < total) {
                        latch.countDown();
                    }
                }

                @Override
                public void message(String text) {
                    job.message(text);
                }

                @Override
                public boolean isCancelled() {
                    return job.isCancelled();
                }

                @Override
                public void onCancel(Runnable action) {
                    job.onCancel(action);
                }
            });
        }

        @Override
        public Optional<AnalysisResult> lastResult(String analysis) throws Exception {
            return real.lastResult(analysis);
        }

        @Override
        public List<ReferenceConflict> conflicts() throws Exception {
            return real.conflicts();
        }

        @Override
        public void preferDataset(long datasetId) throws Exception {
            real.preferDataset(datasetId);
        }

        @Override
        public void renameDataset(long datasetId, String newName) throws Exception {
            real.renameDataset(datasetId, newName);
        }

        @Override
        public void removeDataset(long datasetId) throws Exception {
            real.removeDataset(datasetId);
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
