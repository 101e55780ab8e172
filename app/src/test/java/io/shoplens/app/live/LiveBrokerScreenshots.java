package io.shoplens.app.live;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;

import io.shoplens.app.AppWiring;
import io.shoplens.app.ShopLensApp;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.FxJobRunner;
import io.shoplens.app.jobs.NamedExecutors;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.app.testing.Screenshots;
import io.shoplens.engine.live.ClickProducer;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.workspace.Workspace;

/**
 * Pictures of the Live tab on the real live engine (Spark, a workspace in a temporary folder) fed
 * by a real broker: {@code LiveBrokerScreenshots <folder> <bootstrap> <topic> <every-seconds> <count>}
 * sends generated clicks to the topic at 200/s and takes {@code count} pictures, one every
 * {@code every-seconds}, so that a broker stopped by hand in between shows RECONNECTING, then
 * OFFLINE. Not a test; run by hand under a display.
 */
public final class LiveBrokerScreenshots {

    private static String[] arguments;

    private LiveBrokerScreenshots() {
    }

    public static void main(String[] args) {
        arguments = args;
        Application.launch(Shooter.class, args);
    }

    /** The JavaFX side: shows the window, starts the live view, takes the pictures. */
    public static final class Shooter extends Application {

        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            new Thread(() -> {
                try {
                    shoot(stage);
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    Platform.exit();
                    System.exit(0);
                }
            }, "shooter").start();
        }
    }

    private static void shoot(Stage stage) throws Exception {
        File folder = new File(arguments[0]);
        folder.mkdirs();
        KafkaSettings settings = KafkaSettings.plaintext("local", arguments[1], arguments[2]);
        long every = Long.parseLong(arguments[3]);
        int count = Integer.parseInt(arguments[4]);
        Path dir = Files.createTempDirectory("shoplens-live-shots-");
        Workspace workspace = Workspace.open(dir.resolve("ws"));
        SparkLiveService service = new SparkLiveService(() -> workspace,
                () -> SparkSessions.shared(SparkSettings.fromEnvironment()));
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        NamedExecutors executors = new NamedExecutors();
        AppWiring[] wiring = new AppWiring[1];
        Screenshots.fx(() -> {
            wiring[0] = new AppWiring(new FakeEngineService(Duration.ZERO), service,
                    new FxJobRunner(executors, Throwable::printStackTrace), new RecordingDialogs(), messages,
                    Path.of("no-samples"), () -> { });
            Scene scene = new Scene(wiring[0].window(), 1360, 860);
            scene.getStylesheets().add(ShopLensApp.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            ((TabPane) scene.lookup("#analyses")).getSelectionModel().select(5);
        });
        Thread producer = new Thread(() -> {
            try {
                ClickProducer.run(settings, null, new ClickProducer.Options(200, null,
                        KafkaSettings.MessageFormat.AD_CLICK_LINE, 42, 500), () -> false, sent -> { });
            } catch (RuntimeException e) {
                System.out.println("producer stopped: " + e.getMessage());
            }
        }, "producer");
        producer.setDaemon(true);
        producer.start();
        LiveViewModel model = wiring[0].live().orElseThrow().model();
        Screenshots.fx(() -> model.start(new LiveConnection(settings, new char[0])));
        for (int i = 1; i <= count; i++) {
            Thread.sleep(every * 1000);
            Screenshots.snap(stage, folder, String.format(Locale.ROOT, "live-broker-%02d", i));
            System.out.println("snap " + i + " at " + java.time.LocalTime.now());
        }
        Screenshots.fx(model::stop);
        Thread.sleep(3000);
        executors.close();
        workspace.close();
    }
}
