package io.shoplens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.prefs.Preferences;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import javafx.application.Application;

import io.shoplens.app.common.AppPaths;
import io.shoplens.app.heap.HeapRelaunch;
import io.shoplens.app.instance.InstanceAddress;
import io.shoplens.app.instance.PrimaryInstance;
import io.shoplens.app.instance.SingleInstance;
import io.shoplens.app.preferences.AppPreferences;
import io.shoplens.app.preferences.MaxHeapSetting;
import io.shoplens.app.startup.CdsArchive;
import io.shoplens.app.startup.CdsTraining;

/**
 * The desktop entry point (not an {@link Application}: JavaFX on the class path needs a plain
 * main, and arguments and logging are set up before any JavaFX class loads). In order: read the
 * arguments ({@link LaunchArguments}); hand them to the workspace's running instance if there is
 * one and exit; restart with the preferred heap if it differs from this JVM's; then show the window.
 */
public final class Launcher {

    /** Held so the logger (and its file handler) is not garbage-collected. */
    private static final Logger APP_LOGGER = Logger.getLogger("io.shoplens");

    private Launcher() {
    }

    /**
     * Not for users: {@code --cds-archive FILE} writes the start-up archive (run by {@code ./shoplens}
     * after a build and by the Linux package's {@code postinst}); {@code --cds-training} is the
     * class-loading run inside it ({@link CdsTraining}).
     */
    static final String CDS_ARCHIVE = "--cds-archive";
    static final String CDS_TRAINING = "--cds-training";

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 1 && args[0].equals(CDS_TRAINING)) {
            int loaded = CdsTraining.loadWindowClasses(System.getProperty("java.class.path"), Launcher.class.getClassLoader());
            System.out.println("shoplens: loaded " + loaded + " classes for the start-up archive");
            return;
        }
        if (args.length == 2 && args[0].equals(CDS_ARCHIVE)) {
            System.exit(CdsArchive.write(Path.of(args[1]), Launcher.class, CDS_TRAINING));
            return;
        }
        LaunchArguments launch;
        try {
            launch = LaunchArguments.parse(args, Path.of(""));
        } catch (LaunchArguments.UsageException e) {
            System.err.println("shoplens: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (launch.help()) {
            System.out.println(LaunchArguments.USAGE);
            return;
        }
        launch.workspace().ifPresent(folder -> System.setProperty(AppPaths.WORKSPACE_PROPERTY, folder.toString()));
        launch.samples().ifPresent(folder -> System.setProperty(AppPaths.SAMPLES_PROPERTY, folder.toString()));
        AppPaths paths = AppPaths.fromSystemProperties();

        PrimaryInstance instance = null;
        Optional<InstanceAddress> address = InstanceAddress.forWorkspace(paths.workspace(), System.getenv());
        if (address.isPresent()) {
            SingleInstance.Claim claim = SingleInstance.claim(address.get(), launch.importStrings());
            if (claim instanceof SingleInstance.HandedOff) {
                // The running window has the files and comes to the front; no second Spark.
                return;
            }
            if (claim instanceof SingleInstance.Primary primary) {
                instance = primary.instance();
                // Logging out or `kill` skips JavaFX's stop(); the socket file should still go.
                // (A killed -9 process leaves it, and the next launch replaces it.)
                Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "shoplens-instance-close"));
            }
        }
        int heapMb = MaxHeapSetting.read(Preferences.userRoot().node(AppPreferences.NODE));
        if (heapMb != MaxHeapSetting.AUTOMATIC) {
            PrimaryInstance owned = instance;
            // The relaunched JVM claims the workspace itself, so this one lets go first.
            OptionalInt exit = HeapRelaunch.relaunchIfNeeded(heapMb, Launcher.class, args, () -> {
                if (owned != null) {
                    owned.close();
                }
            });
            if (exit.isPresent()) {
                System.exit(exit.getAsInt());
                return;
            }
        }
        setUpLogging(paths);
        ShopLensApp.launch(new ShopLensApp.StartRequest(launch.imports(), Optional.ofNullable(instance)));
    }

    /** The app logs (System.Logger → java.util.logging) to a file in the workspace; Spark keeps its own log4j setup. */
    private static void setUpLogging(AppPaths paths) {
        try {
            Files.createDirectories(paths.logs());
            FileHandler file = new FileHandler(paths.logs().resolve("shoplens-%g.log").toString(), 5_000_000, 3, true);
            file.setFormatter(new SimpleFormatter());
            // On the app's own logger, not the root: Spark routes java.util.logging to SLF4J when it
            // starts and removes the root logger's handlers, which silenced this file after warm-up.
            APP_LOGGER.addHandler(file);
            APP_LOGGER.setLevel(Level.INFO);
        } catch (IOException | SecurityException e) {
            System.err.println("shoplens: cannot write the log in " + paths.logs() + ": " + e.getMessage());
        }
    }

}
