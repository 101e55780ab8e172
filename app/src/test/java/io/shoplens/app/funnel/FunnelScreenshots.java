package io.shoplens.app.funnel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.ImportItem;
import io.shoplens.app.engine.JobContext;
import io.shoplens.app.engine.SparkEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.app.testing.Screenshots;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.funnel.FunnelDimension;
import io.shoplens.engine.spark.SparkSettings;

/**
 * Pictures of the funnel view on the committed shop sample (sample-logs/shop, run by the real
 * engine with a channel breakdown), for a person to look at, in English and Chinese, written as
 * PNGs to the folder given as the first argument. Not a test; run by hand under a display
 * (e.g. {@code xvfb-run -s "-screen 0 1400x2400x24"}) from the app folder.
 */
public final class FunnelScreenshots {

    private static File folder;

    private FunnelScreenshots() {
    }

    public static void main(String[] args) {
        folder = new File(args.length > 0 ? args[0] : "shots");
        folder.mkdirs();
        Application.launch(Shooter.class, args);
    }

    /** The JavaFX side: shows the view, drives it, takes the pictures. */
    public static final class Shooter extends Application {

        @Override
        public void start(Stage stage) {
            Screenshots.inEachLanguage(stage, FunnelScreenshots::shoot);
        }
    }

    private static AnalysisResult result;

    private static void shoot(Stage stage, Locale locale) throws Exception {
        Messages messages = Messages.forLocale(locale);
        FunnelViewModel[] model = new FunnelViewModel[1];
        SparkEngineService engine = engine();
        Screenshots.fx(() -> {
            model[0] = new FunnelViewModel(engine, new SyncJobRunner(e -> { }), new RecordingDialogs(), messages);
            model[0].breakdownProperty().set(FunnelDimension.CHANNEL);
            FunnelView view = new FunnelView(model[0], messages);
            Scene scene = new Scene(view, 1400, 2400);
            scene.getStylesheets().add(FunnelScreenshots.class.getResource("/io/shoplens/app/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        if (result == null) {
            // The run is the view model's own request, answered by the warm engine off the FX thread.
            result = engine.run(model[0].request(SessionFilter.NONE), JobContext.NONE);
        }
        Screenshots.fx(() -> {
            model[0].hasDataProperty().set(true);
            model[0].resultProperty().set(result);
        });
        Screenshots.snap(stage, folder, "funnel-" + (locale.equals(Locale.ENGLISH) ? "en" : "zh"));
    }

    private static SparkEngineService service;

    private static SparkEngineService engine() throws Exception {
        if (service == null) {
            Path workspace = Files.createTempDirectory("funnel-shots");
            service = new SparkEngineService(workspace, SparkSettings.fromEnvironment().withMaster("local[2]"), false);
            Path samples = Path.of("").toAbsolutePath().getParent().resolve("sample-logs/shop");
            try (Stream<Path> files = Files.list(samples)) {
                List<ImportItem> items = files.sorted().map(f -> new ImportItem(f, Optional.empty())).toList();
                service.importFiles(items, JobContext.NONE);
            }
            service.warmModel(JobContext.NONE);
        }
        return service;
    }
}
