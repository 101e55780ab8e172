package io.shoplens.app.workspace;

import java.io.File;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.controlsfx.control.StatusBar;

import atlantafx.base.theme.Styles;
import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.charts.ChartExports;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.filters.FilterBar;
import io.shoplens.app.filters.Freshness;
import io.shoplens.app.jobs.JobStatus;
import io.shoplens.app.live.LiveGmvView;
import io.shoplens.app.live.LiveView;
import io.shoplens.app.live.LiveViewModel;
import io.shoplens.app.overview.OverviewView;
import io.shoplens.app.report.ReportExport;

/**
 * The main window's content: menu, datasets (drop zone) on the left, the filter bar over the
 * views as tabs (the overview first), and
 * the status bar with the running job's progress and Cancel. Files dropped anywhere import.
 */
public final class MainWindow extends BorderPane {

    private final TabPane tabs;
    private final MenuBar menuBar;

    private static final PseudoClass DRAG_OVER = PseudoClass.getPseudoClass("drag-over");

    /**
     * @param filterBar the window's one filter, above the views
     * @param overview  the first view: the shop at a glance
     * @param live      the Live tab and menu; null for a window without them
     */
    public MainWindow(WorkspaceViewModel workspace, FilterBar filterBar, OverviewView overview,
                      List<AnalysisView<?>> analyses, LiveView live, JobStatus jobs, DialogService dialogs,
                      Messages messages, Runnable quit) {
        getStyleClass().add("main-window");
        // Exports run on the analyses' job runner; charts find theirs here (ChartView's menu).
        ReportExport report = analyses.isEmpty() ? null : new ReportExport(analyses.get(0).model().jobRunner(),
                dialogs, messages, () -> analyses.stream().map(v -> v.model().resultProperty().get()).toList(),
                () -> List.copyOf(workspace.datasets()),
                analysis -> analyses.stream().filter(v -> v.model().analysis().equals(analysis)).findFirst()
                        .orElseThrow().model().lastRunRequest());
        if (report != null) {
            report.useCategoryNames(() -> workspace.choicesProperty().get() == null ? Map.of()
                    : workspace.choicesProperty().get().categoryNames());
        }
        if (!analyses.isEmpty()) {
            getProperties().put(ChartExports.KEY, new ChartExports(analyses.get(0).model().jobRunner(), dialogs, messages));
        }
        tabs = new TabPane();
        tabs.setId("analyses");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        // Each view knows whether it is on screen: the shown one follows the filter at once, the
        // others when they are shown.
        Map<Tab, Freshness> shown = new HashMap<>();
        Tab overviewTab = new Tab(overview.model().title(), overview);
        overviewTab.setId("tab-overview");
        tabs.getTabs().add(overviewTab);
        shown.put(overviewTab, overview.model().freshness());
        for (AnalysisView<?> view : analyses) {
            Tab tab = new Tab(view.model().title(), view);
            tab.setId("tab-" + view.model().analysis());
            tabs.getTabs().add(tab);
            shown.put(tab, view.model().freshness());
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                shown.forEach((tab, freshness) -> freshness.shownProperty().set(tab == now)));
        shown.forEach((tab, freshness) -> freshness.shownProperty().set(tab == tabs.getSelectionModel().getSelectedItem()));
        MenuBar menu = menu(workspace, dialogs, messages, quit, report);
        this.menuBar = menu;
        if (live != null) {
            Tab tab = new Tab(messages.get("live.tab"), live);
            tab.setId("tab-live");
            tabs.getTabs().add(tab);
            menu.getMenus().add(liveMenu(live.model(), messages, () -> tabs.getSelectionModel().select(tab)));
        }
        setTop(menu);
        DatasetsView datasets = new DatasetsView(workspace, messages);
        VBox views = new VBox(filterBar, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        SplitPane split = new SplitPane(datasets, views);
        split.setDividerPositions(0.2);
        SplitPane.setResizableWithParent(datasets, false);
        setCenter(split);
        setBottom(statusBar(workspace, jobs, messages));

        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
                datasets.pseudoClassStateChanged(DRAG_OVER, true);
            }
            event.consume();
        });
        setOnDragExited(event -> datasets.pseudoClassStateChanged(DRAG_OVER, false));
        setOnDragDropped(event -> {
            boolean files = event.getDragboard().hasFiles();
            if (files) {
                workspace.importPaths(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            datasets.pseudoClassStateChanged(DRAG_OVER, false);
            event.setDropCompleted(files);
            event.consume();
        });
    }

    private static MenuBar menu(WorkspaceViewModel workspace, DialogService dialogs, Messages messages, Runnable quit,
                                ReportExport report) {
        MenuItem importFiles = new MenuItem(messages.get("menu.import"));
        importFiles.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        importFiles.setOnAction(e -> workspace.chooseAndImport(false));
        MenuItem importFolder = new MenuItem(messages.get("menu.importFolder"));
        importFolder.setOnAction(e -> workspace.chooseAndImport(true));
        MenuItem samples = new MenuItem(messages.get("samples.open"));
        samples.setOnAction(e -> workspace.openSamples());
        MenuItem general = new MenuItem(messages.get("menu.preferences.general"));
        general.setId("menu-preferences-general");
        general.setOnAction(e -> dialogs.showPreferences());
        MenuItem engine = new MenuItem(messages.get("menu.preferences.engine"));
        engine.setId("menu-preferences-engine");
        engine.setOnAction(e -> dialogs.showEnginePreferences());
        Menu preferences = new Menu(messages.get("menu.preferences"), null, general, engine);
        preferences.setId("menu-preferences");
        MenuItem exit = new MenuItem(messages.get("menu.quit"));
        exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        exit.setOnAction(e -> quit.run());
        importFiles.disableProperty().bind(workspace.importingProperty());
        importFolder.disableProperty().bind(workspace.importingProperty());
        samples.disableProperty().bind(workspace.importingProperty());
        MenuItem exportReport = new MenuItem(messages.get("menu.exportReport"));
        exportReport.setId("menu-export-report");
        exportReport.setOnAction(e -> report.export());
        exportReport.setDisable(report == null);
        Menu file = new Menu(messages.get("menu.file"), null, importFiles, importFolder, samples,
                new SeparatorMenuItem(), exportReport, new SeparatorMenuItem(), preferences, new SeparatorMenuItem(), exit);
        MenuBar bar = new MenuBar(file);
        bar.setId("menu");
        return bar;
    }

    /** The live GMV view: a tab after Live, and Live ▸ Watch GMV live… and Stop GMV in the Live menu. */
    public void addLiveGmv(LiveGmvView view, Messages messages) {
        Tab tab = new Tab(messages.get("live.gmv.tab"), view);
        tab.setId("tab-live-gmv");
        tabs.getTabs().add(tab);
        MenuItem watch = new MenuItem(messages.get("menu.live.gmv"));
        watch.setId("menu-live-gmv");
        watch.setOnAction(e -> {
            tabs.getSelectionModel().select(tab);
            view.model().connect();
        });
        MenuItem stop = new MenuItem(messages.get("menu.live.gmv.stop"));
        stop.setId("menu-live-gmv-stop");
        stop.disableProperty().bind(view.model().statusProperty().isNull());
        stop.setOnAction(e -> view.model().stop());
        menuBar.getMenus().stream().filter(m -> "menu-live".equals(m.getId())).findFirst().orElseThrow()
                .getItems().addAll(new javafx.scene.control.SeparatorMenuItem(), watch, stop);
    }

    private static Menu liveMenu(LiveViewModel live, Messages messages, Runnable showTab) {
        MenuItem connect = new MenuItem(messages.get("menu.live.connect"));
        connect.setId("menu-live-connect");
        connect.setOnAction(e -> {
            showTab.run();
            live.connect();
        });
        MenuItem stop = new MenuItem(messages.get("menu.live.stop"));
        stop.setId("menu-live-stop");
        stop.disableProperty().bind(live.runningProperty().not());
        stop.setOnAction(e -> live.stop());
        Menu menu = new Menu(messages.get("menu.live"), null, connect, stop);
        menu.setId("menu-live");
        return menu;
    }

    /** "Engine: Local, 2 cores — ready": which engine, and whether it has started. */
    private static String engineStatus(WorkspaceViewModel workspace, Messages messages) {
        String inUse = workspace.engineInUseProperty().get();
        String state = workspace.engineReadyProperty().get() ? "ready"
                : workspace.engineFailedProperty().get() ? "failed" : "starting";
        return inUse == null || inUse.isBlank() ? messages.get("status.engine." + state)
                : messages.get("status.engine." + state + "On", inUse);
    }

    private static StatusBar statusBar(WorkspaceViewModel workspace, JobStatus jobs, Messages messages) {
        StatusBar bar = new StatusBar();
        bar.setId("status");
        java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(messages.locale());
        bar.textProperty().bind(Bindings.createStringBinding(() -> {
            if (jobs.isRunning()) {
                String message = jobs.messageProperty().get();
                String title = jobs.titleProperty().get();
                double progress = jobs.progressProperty().get();
                // Spark's tasks done / total, as a share, next to the job's own word on what it does.
                String done = progress >= 0 && progress < 1 ? " " + percent.format(progress) : "";
                return message == null || message.isBlank() ? title + "…" + done
                        : title + " — " + message + done;
            }
            if (workspace.engineFailedProperty().get()) {
                return messages.get("status.engineFailed");
            }
            return workspace.engineReadyProperty().get() ? messages.get("status.ready")
                    : messages.get("status.warmingUp");
        }, jobs.runningProperty(), jobs.titleProperty(), jobs.messageProperty(), jobs.progressProperty(),
                workspace.engineReadyProperty(), workspace.engineFailedProperty()));
        bar.progressProperty().bind(Bindings.when(jobs.runningProperty())
                .then(jobs.progressProperty()).otherwise(0.0));
        Button cancel = new Button(messages.get("action.cancel"));
        cancel.setId("cancel-job");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.DANGER);
        cancel.visibleProperty().bind(jobs.runningProperty());
        cancel.setOnAction(e -> jobs.cancel());
        Label engine = new Label();
        engine.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        engine.setId("status-engine");
        engine.textProperty().bind(Bindings.createStringBinding(() -> engineStatus(workspace, messages),
                workspace.engineReadyProperty(), workspace.engineFailedProperty(), workspace.engineInUseProperty()));
        bar.getRightItems().addAll(cancel, engine);
        return bar;
    }
}
