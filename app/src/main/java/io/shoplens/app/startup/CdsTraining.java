package io.shoplens.app.startup;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class-loading run behind the start-up archive (AppCDS). Run with
 * {@code -XX:ArchiveClassesAtExit=FILE} (by {@code ./shoplens} once per build, by the Linux
 * package's {@code postinst} once per install), it loads, without initialising, every class of
 * the jars the window is made of; later starts with {@code -XX:SharedArchiveFile=FILE} map them
 * from the archive instead of reading, verifying and linking them from the jars one by one.
 *
 * <p>It needs no display: nothing is initialised, so no toolkit starts. Spark's jars are left
 * out on purpose: they load in the background after the window shows, and archiving them would
 * make the archive several times larger for no gain in the time to the window.
 */
public final class CdsTraining {

    /** The jars whose classes the window needs: JavaFX, its theme and controls, charts, the app itself. */
    static final Predicate<String> WINDOW_JARS = name -> name.startsWith("javafx-")
            || name.startsWith("atlantafx-") || name.startsWith("controlsfx-") || name.startsWith("shoplens-app")
            || name.startsWith("jfreechart-") || name.startsWith("org.jfree.chart.fx-");

    private CdsTraining() {
    }

    /** Loads the window's classes from {@code classPath}; returns how many loaded. */
    public static int loadWindowClasses(String classPath, ClassLoader loader) throws IOException {
        int loaded = 0;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (Files.isRegularFile(jar) && WINDOW_JARS.test(jar.getFileName().toString())) {
                loaded += load(jar, loader);
            }
        }
        return loaded;
    }

    private static int load(Path jar, ClassLoader loader) throws IOException {
        int loaded = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> names = file.stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/") && !name.contains("module-info"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .toList();
            for (String name : names) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // A class for a platform or optional library that is not here (e.g. JavaFX's
                    // Windows or macOS glass, ControlsFX's optional parts): not needed at start.
                }
            }
        }
        return loaded;
    }
}
