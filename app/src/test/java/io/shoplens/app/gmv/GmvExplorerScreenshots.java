package io.shoplens.app.gmv;

import java.io.File;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.app.testing.Screenshots;

/**
 * Pictures of the explorer on a made-up shop ({@link SyntheticCube}), for a person to look at:
 * every tab, in English and Chinese, written as PNGs to the folder given as the first argument.
 * Not a test; run by hand under a display (e.g. {@code xvfb-run -s "-screen 0 1400x1000x24"}).
 */
public final class GmvExplorerScreenshots {

    private static File folder;

    private GmvExplorerScreenshots() {
    }

    public static void main(String[] args) {
        folder = new File(args.length > 0 ? args[0] : "shots");
        folder.mkdirs();
        // On the class path, the main class must not be an Application (the launcher would look for the JavaFX modules).
        Application.launch(Shooter.class, args);
    }

    /** The JavaFX side: shows the view, drives it, takes the pictures. */
    public static final class Shooter extends Application {

    @Override
    public void start(Stage stage) {
        Screenshots.inEachLanguage(stage, GmvExplorerScreenshots::shoot);
    }

    }

    private static void shoot(Stage stage, Locale locale) throws Exception {
        String tag = locale.equals(Locale.ENGLISH) ? "en" : "zh";
        Messages messages = Messages.forLocale(locale);
        GmvViewModel[] model = new GmvViewModel[1];
        GmvView[] view = new GmvView[1];
        fx(() -> {
            model[0] = new GmvViewModel(new FakeEngineService(Duration.ZERO), new SyncJobRunner(e -> { }),
                    new RecordingDialogs(), messages);
            view[0] = new GmvView(model[0], messages);
            Scene scene = new Scene(view[0], 1400, 1000);
            scene.getStylesheets().add(GmvExplorerScreenshots.class
                    .getResource("/io/shoplens/app/app.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            model[0].hasDataProperty().set(true);
            model[0].resultProperty().set(new io.shoplens.engine.analysis.AnalysisResult("gmv", java.util.List.of(
                    SyntheticCube.of(LocalDate.of(2019, 7, 31), 61, Integer.getInteger("cells.per.day", 260), 11), SyntheticCube.coverage(14_385, 37))));
        });
        GmvExplorerViewModel explorer = model[0].explorer();
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) view[0].lookup("#gmv-tabs");
        snap(stage, "gmv-trend-" + tag);
        fx(() -> tabs.getSelectionModel().select(1));
        Thread.sleep(300);
        // The whole answer to a click as the user waits for it: the slice, then the shown tab redrawn.
        double[] took = new double[40];
        for (int i = 0; i < 60; i++) {
            int round = i;
            fx(() -> {
                long start = System.nanoTime();
                if (round % 2 == 0) {
                    explorer.drill("recommend");
                } else {
                    explorer.back();
                }
                if (round >= 20) {
                    took[round - 20] = (System.nanoTime() - start) / 1e6;
                }
            });
        }
        java.util.Arrays.sort(took);
        System.out.printf(Locale.ROOT, "drill or back with redraw (%,d cells): median %.1f ms, p95 %.1f ms%n",
                ((io.shoplens.engine.analysis.AnalysisResult) model[0].resultProperty().get()).table("gmv_cube")
                        .rows().size(), took[20], took[38]);
        fx(() -> {
            explorer.drill("recommend");
            explorer.drill("华东");
        });
        snap(stage, "gmv-breakdown-drill-" + tag);
        fx(() -> {
            explorer.upTo(0);
            tabs.getSelectionModel().select(2);
        });
        snap(stage, "gmv-bridge-" + tag);
        fx(() -> {
            explorer.paidChannels().setAll("display_ad", "social");
            tabs.getSelectionModel().select(3);
        });
        snap(stage, "gmv-paid-free-" + tag);
    }

    private static void snap(Stage stage, String name) throws InterruptedException {
        Screenshots.snap(stage, folder, name);
    }

    private static void fx(Runnable action) throws InterruptedException {
        Screenshots.fx(action);
    }
}
