package io.shoplens.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;
import io.shoplens.app.common.AppPaths;
import io.shoplens.app.dialogs.FxDialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.instance.PrimaryInstance;
import io.shoplens.app.jobs.FxJobRunner;
import io.shoplens.app.jobs.NamedExecutors;
import io.shoplens.app.preferences.AppPreferences;
import io.shoplens.app.preferences.EngineLabel;
import io.shoplens.app.preferences.EngineProbe;
import io.shoplens.app.preferences.EngineViewModel;
import io.shoplens.engine.spark.SparkSettings;

/**
 * Wires the objects and shows the window; Spark warms up in the background after the window is
 * on screen. {@link #stop()} closes what {@link #start} opened.
 */
public final class ShopLensApp extends Application {

    /** The app's stylesheet, on top of AtlantaFX's Primer Light. */
    public static final String STYLESHEET = ShopLensApp.class.getResource("app.css").toExternalForm();

    private static final System.Logger LOG = System.getLogger(ShopLensApp.class.getName());

    /**
     * What the launcher hands over: log files and folders to offer for import once the window is
     * up, and the single-instance listener whose later launches this window answers.
     */
    public record StartRequest(List<Path> imports, Optional<PrimaryInstance> instance) {
    }

    /** {@link Application#launch} makes the instance itself, so the request waits here. */
    private static volatile StartRequest request = new StartRequest(List.of(), Optional.empty());

    private NamedExecutors executors;
    private EngineService engine;
    private AppWiring wiring;

    /** Shows the window for {@code startRequest} and returns when the app has exited. */
    public static void launch(StartRequest startRequest) {
        request = startRequest;
        Application.launch(ShopLensApp.class);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppPreferences preferences = AppPreferences.userPreferences();
        Messages messages = Messages.forLocale(preferences.locale(Locale.getDefault()));
        AppPaths paths = AppPaths.fromSystemProperties();

        executors = new NamedExecutors();
        SparkSettings sparkSettings = EngineServices.settings(preferences.engineProperty().get());
        int machineCores = Runtime.getRuntime().availableProcessors();
        String engineInUse = EngineLabel.of(sparkSettings, machineCores, messages);
        LOG.log(System.Logger.Level.INFO, "Engine: {0} (master {1}, remote {2})", engineInUse,
                sparkSettings.master(), sparkSettings.remote() == null ? "none" : "set");
        engine = EngineServices.create(paths, sparkSettings);
        FxDialogService dialogs = new FxDialogService(() -> stage, messages, preferences);
        FxJobRunner jobs = new FxJobRunner(executors,
                error -> dialogs.notifyError(messages.get("error.job"), error));
        wiring = new AppWiring(engine, EngineServices.live(engine), jobs, dialogs, messages, paths.samples(),
                Platform::exit);
        wiring.workspace().engineInUseProperty().set(engineInUse);
        dialogs.useEngineForm(() -> new EngineViewModel(preferences, jobs, messages, EngineProbe.network(),
                machineCores, engineInUse, SparkSettings.environmentMaster()));
        wiring.live().ifPresent(live -> live.model().useConnectPrompt(dialogs));
        wiring.liveGmv().ifPresent(view -> {
            view.model().useConnectPrompt(dialogs);
            view.model().useOrderPrompt(dialogs);
        });

        // At most the screen's free area: on a 1280×800 screen a larger window opened partly off it.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(wiring.window(), Math.min(1360, screen.getWidth()), Math.min(860, screen.getHeight()));
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        // CPU time too: on a busy machine the wall time says more about the neighbours than the app.
        LOG.log(System.Logger.Level.INFO, "Window shown {0} ms after the process started ({1} ms of CPU)",
                sinceProcessStart(), ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L));
        // After show(): the window is on screen before the catalog is read or Spark starts.
        wiring.start();
        StartRequest started = request;
        wiring.workspace().importPaths(started.imports());
        started.instance().ifPresent(instance -> instance.onArguments(later -> Platform.runLater(() -> {
            toFront(stage);
            wiring.workspace().importPaths(later.stream().map(Path::of).toList());
        })));
    }

    /** A later launch asked for this window: un-minimise it and raise it over the others. */
    private static void toFront(Stage stage) {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    /** From the process's start (the native launcher, before the JVM), as a user would time it. */
    private static long sinceProcessStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis())
                .orElse(-1L);
    }

    @Override
    public void stop() {
        if (wiring != null) {
            // Before Spark stops: the live query finishes its micro-batch and keeps its checkpoint.
            wiring.live().ifPresent(live -> live.model().close());
            wiring.liveGmv().ifPresent(view -> view.model().close());
        }
        if (executors != null) {
            executors.close();
        }
        if (engine != null) {
            engine.close();
        }
        request.instance().ifPresent(PrimaryInstance::close);
    }
}
