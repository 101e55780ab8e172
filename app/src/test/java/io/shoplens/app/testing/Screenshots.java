package io.shoplens.app.testing;

import java.io.File;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;

import javax.imageio.ImageIO;

/** What the picture-taking programs (not tests) share: run on the FX thread and wait, and write a stage as a PNG. */
public final class Screenshots {

    private Screenshots() {
    }

    /** Lets the FX thread draw, then writes {@code stage}'s scene to {@code folder/name.png}. */
    public static void snap(Stage stage, File folder, String name) throws InterruptedException {
        Thread.sleep(600);
        fx(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                        new File(folder, name + ".png"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs {@code action} on the FX thread and waits for it. */
    public static void fx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    /** Takes one language's pictures; runs off the FX thread. */
    @FunctionalInterface
    public interface LanguageShoot {
        void shoot(Stage stage, Locale locale) throws Exception;
    }

    /**
     * In the app's theme, takes the pictures in English, then Chinese, on a thread of their own
     * (they wait for the FX thread), and ends the JavaFX application when done.
     */
    public static void inEachLanguage(Stage stage, LanguageShoot shoot) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        new Thread(() -> {
            try {
                for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
                    shoot.shoot(stage, locale);
                }
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.exit();
                // Executors and fake services the pictures started may not be daemons.
                System.exit(0);
            }
        }).start();
    }
}
