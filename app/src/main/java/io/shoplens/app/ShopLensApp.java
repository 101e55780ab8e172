package io.shoplens.app;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;
import io.shoplens.app.common.AppPaths;
import io.shoplens.app.common.FxDialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.engine.EngineServices;
import io.shoplens.app.jobs.FxJobRunner;
import io.shoplens.app.jobs.NamedExecutors;
import io.shoplens.app.preferences.AppPreferences;

/**
 * Wires the objects and shows the window; Spark warms up in the background after the window is
 * on screen. {@link #stop()} closes what {@link #start} opened.
 */
public final class ShopLensApp extends Application {

    /** The app's stylesheet, on top of AtlantaFX's Primer Light. */
    public static final String STYLESHEET = ShopLensApp.class.getResource("app.css").toExternalForm();

    private static final System.Logger LOG = System.getLogger(ShopLensApp.class.getName());

    private NamedExecutors executors;
    private EngineService engine;
    private AppWiring wiring;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        AppPreferences preferences = AppPreferences.userPreferences();
        Messages messages = Messages.forLocale(preferences.locale(Locale.getDefault()));
        AppPaths paths = AppPaths.fromSystemProperties();

        executors = new NamedExecutors();
        engine = EngineServices.create(paths);
        FxDialogService dialogs = new FxDialogService(() -> stage, messages, preferences);
        FxJobRunner jobs = new FxJobRunner(executors,
                error -> dialogs.notifyError(messages.get("error.job"), error));
        wiring = new AppWiring(engine, EngineServices.live(engine), jobs, dialogs, messages, paths.samples(),
                Platform::exit);

        Scene scene = new Scene(wiring.window(), 1360, 860);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        stage.setTitle(messages.get("app.title"));
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.show();
        LOG.log(System.Logger.Level.INFO, "Window shown {0} ms after the JVM started",
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
        // After show(): the window is on screen before the catalog is read or Spark starts.
        wiring.start();
    }

    @Override
    public void stop() {
        if (wiring != null) {
            // Before Spark stops: the live query finishes its micro-batch and keeps its checkpoint.
            wiring.live().ifPresent(live -> live.model().close());
        }
        if (executors != null) {
            executors.close();
        }
        if (engine != null) {
            engine.close();
        }
    }
}
