package io.shoplens.app;

import java.io.IOException;
import java.nio.file.Files;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import javafx.application.Application;

import io.shoplens.app.common.AppPaths;

/**
 * The desktop entry point (not an {@link Application}: JavaFX on the class path needs a plain
 * main, and arguments and logging are set up before any JavaFX class loads).
 *
 * <pre>
 * shoplens [--workspace DIR] [--samples DIR]
 * </pre>
 */
public final class Launcher {

    /** Held so the logger (and its file handler) is not garbage-collected. */
    private static final Logger APP_LOGGER = Logger.getLogger("io.shoplens");

    private Launcher() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workspace" -> System.setProperty(AppPaths.WORKSPACE_PROPERTY, value(args, ++i));
                case "--samples" -> System.setProperty(AppPaths.SAMPLES_PROPERTY, value(args, ++i));
                case "-h", "--help" -> {
                    System.out.println("Usage: shoplens [--workspace DIR] [--samples DIR]");
                    return;
                }
                default -> {
                    System.err.println("shoplens: unknown option " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        setUpLogging(AppPaths.fromSystemProperties());
        Application.launch(ShopLensApp.class);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println("shoplens: " + args[i - 1] + " needs a value");
            System.exit(2);
        }
        return args[i];
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
