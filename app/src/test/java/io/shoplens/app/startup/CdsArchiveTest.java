package io.shoplens.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsArchiveTest {

    @TempDir
    Path folder;

    @Test
    void theTrainingJvmKeepsThisJvmsOptionsAndClassPathButNotItsArchiveOptions() {
        List<String> command = CdsArchive.command(Path.of("/opt/shoplens/lib/runtime"),
                List.of("-XX:MaxRAMPercentage=50", "-XX:SharedArchiveFile=/opt/shoplens/lib/app/shoplens.jsa",
                        "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xshare:auto", "-Xlog:cds"),
                "/opt/shoplens/lib/app/shoplens-app.jar:/opt/shoplens/lib/app/lib/a.jar", "io.shoplens.app.Launcher",
                "--cds-training", Path.of("/opt/shoplens/lib/app/shoplens.jsa.partial"));

        assertThat(command).containsExactly(Path.of("/opt/shoplens/lib/runtime/bin/java").toString(),
                "-XX:MaxRAMPercentage=50", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-XX:ArchiveClassesAtExit=/opt/shoplens/lib/app/shoplens.jsa.partial",
                "-cp", "/opt/shoplens/lib/app/shoplens-app.jar:/opt/shoplens/lib/app/lib/a.jar",
                "io.shoplens.app.Launcher", "--cds-training");
    }

    @Test
    void aRealJvmWritesAnArchiveThatTheNextJvmLoadsClassesFrom() throws Exception {
        // CDS archives classes from jars only (the test classes are a folder), so the probe goes in one.
        Path jar = probeJar();
        Path archive = folder.resolve("probe.jsa");

        int exit = CdsArchive.write(archive, List.of("-Xmx64m"), jar.toString(), CdsProbe.class.getName(), "train");

        assertThat(exit).isZero();
        assertThat(archive).isRegularFile();
        assertThat(folder.resolve("probe.jsa.partial")).doesNotExist();
        String log = run("-XX:SharedArchiveFile=" + archive, jar, CdsProbe.class.getName(), "use");
        assertThat(log).containsPattern("io.shoplens.app.startup.CdsProbe source: shared objects file \\(top\\)");
    }

    private Path probeJar() throws IOException {
        Path jar = folder.resolve("probe.jar");
        String entry = CdsProbe.class.getName().replace('.', '/') + ".class";
        try (InputStream in = CdsProbe.class.getClassLoader().getResourceAsStream(entry);
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** Runs {@code mainClass} from {@code jar} with class loading logged, as a later start of the app would. */
    private static String run(String archiveOption, Path jar, String mainClass, String argument)
            throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                archiveOption, "-Xlog:class+load=info", "-cp", jar.toString(), mainClass, argument);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }

    @Test
    void trainingLoadsOnlyTheWindowsJars() throws IOException {
        assertThat(CdsTraining.WINDOW_JARS).accepts("javafx-controls-21.0.5-linux.jar", "shoplens-app.jar",
                "atlantafx-base-2.0.1.jar", "controlsfx-11.2.1.jar");
        assertThat(CdsTraining.WINDOW_JARS).rejects("spark-core_2.13-4.2.0.jar", "hadoop-client-runtime-3.5.0.jar",
                "shoplens-engine-0.1.0-SNAPSHOT.jar");
        Files.writeString(folder.resolve("not-a-jar.txt"), "x");
        assertThat(CdsTraining.loadWindowClasses(folder.resolve("not-a-jar.txt") + java.io.File.pathSeparator
                + folder.resolve("missing.jar"), getClass().getClassLoader())).isZero();
    }
}
