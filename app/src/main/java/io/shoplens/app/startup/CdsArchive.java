package io.shoplens.app.startup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the start-up archive for this installation: a second JVM with this one's runtime, JVM
 * options and exact class path (the archive is only used by JVMs whose class path starts the
 * same way) runs {@link CdsTraining} with {@code -XX:ArchiveClassesAtExit}.
 */
public final class CdsArchive {

    private CdsArchive() {
    }

    /** The training JVM's command line. */
    static List<String> command(Path javaHome, List<String> jvmOptions, String classPath, String mainClass,
                                String trainingArgument, Path archive) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve(isWindows() ? "java.exe" : "java").toString());
        jvmOptions.stream()
                // This JVM's own archive options (the installed launcher names the archive being made).
                .filter(option -> !option.startsWith("-XX:SharedArchiveFile") && !option.startsWith("-XX:ArchiveClassesAtExit")
                        && !option.startsWith("-Xshare") && !option.startsWith("-Xlog"))
                .forEach(command::add);
        command.add("-XX:ArchiveClassesAtExit=" + archive);
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass);
        command.add(trainingArgument);
        return command;
    }

    /** Writes {@code archive} (replacing it only once the new one is complete); returns the JVM's exit code. */
    public static int write(Path archive, Class<?> mainClass, String trainingArgument) throws IOException, InterruptedException {
        return write(archive, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"), mainClass.getName(), trainingArgument);
    }

    static int write(Path archive, List<String> jvmOptions, String classPath, String mainClass, String trainingArgument)
            throws IOException, InterruptedException {
        Path absolute = archive.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        List<String> command = command(Path.of(System.getProperty("java.home")), jvmOptions, classPath, mainClass,
                trainingArgument, partial);
        // The JVM's CDS warnings (JFR event classes it skips) are noise for a package install.
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        if (exit == 0 && Files.isRegularFile(partial)) {
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.deleteIfExists(partial);
        }
        return exit;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
