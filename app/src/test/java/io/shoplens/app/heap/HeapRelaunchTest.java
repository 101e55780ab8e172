package io.shoplens.app.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HeapRelaunchTest {

    private static final long MB = 1024 * 1024;

    @Test
    void relaunchesOnlyWhenAChosenSizeDiffersFromThisJvm() {
        assertThat(HeapRelaunch.neededOption(0, 512 * MB, false)).isEmpty();
        assertThat(HeapRelaunch.neededOption(4096, 4096 * MB, false)).isEmpty();
        assertThat(HeapRelaunch.neededOption(4096, 3900 * MB, false)).isEmpty();
        assertThat(HeapRelaunch.neededOption(4096, 2048 * MB, false)).contains("-Xmx4096m");
        assertThat(HeapRelaunch.neededOption(2048, 8192 * MB, false)).contains("-Xmx2048m");
        assertThat(HeapRelaunch.neededOption(2048, 8192 * MB, true)).isEmpty();
    }

    @Test
    void aJavaCommandGetsItsOptionsBackWithTheHeapLast() {
        HeapRelaunch.Relaunch relaunch = HeapRelaunch.relaunch("/usr/lib/jvm/bin/java", List.of("-Xmx4g", "--add-opens=x"),
                "a.jar:lib/*", "io.shoplens.app.Launcher", List.of("/logs/a.csv"), "-Xmx2048m", Map.of());

        assertThat(relaunch.command()).containsExactly("/usr/lib/jvm/bin/java", "-Xmx4g", "--add-opens=x", "-Xmx2048m",
                "-Dshoplens.heap.applied=true", "-cp", "a.jar:lib/*", "io.shoplens.app.Launcher", "/logs/a.csv");
        assertThat(relaunch.environment()).isEmpty();
    }

    @Test
    void aNativeLauncherGetsTheHeapThroughJavaToolOptions() {
        HeapRelaunch.Relaunch relaunch = HeapRelaunch.relaunch("/opt/shoplens/bin/ShopLens", List.of("-Xmx1g"),
                "ignored", "ignored", List.of("/logs/a.csv"), "-Xmx2048m", Map.of("JAVA_TOOL_OPTIONS", "-Dx=1"));

        assertThat(relaunch.command()).containsExactly("/opt/shoplens/bin/ShopLens", "/logs/a.csv");
        assertThat(relaunch.environment())
                .containsExactly(Map.entry("JAVA_TOOL_OPTIONS", "-Dx=1 -Xmx2048m -Dshoplens.heap.applied=true"));
    }

    @Test
    void aRealJvmRestartsOnceWithTheChosenHeapAndKeepsItsArguments() throws Exception {
        String output = run("-Xmx64m", "160", "/logs/日志.csv");

        Matcher m = Pattern.compile("relaunched=true maxMb=(\\d+) args=160,/logs/日志.csv").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        assertThat(Long.parseLong(m.group(1))).isBetween(144L, 160L);
        assertThat(output.lines().filter(line -> line.startsWith("relaunched=")).count()).isEqualTo(1);
    }

    @Test
    void aJvmThatAlreadyHasTheChosenHeapIsNotRestarted() throws Exception {
        String output = run("-Xmx160m", "160");

        assertThat(output).contains("relaunched=false maxMb=");
    }

    private static String run(String heap, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, heap, "-Dfile.encoding=UTF-8",
                "-Dsun.stdout.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), HeapProbe.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return output;
    }
}
