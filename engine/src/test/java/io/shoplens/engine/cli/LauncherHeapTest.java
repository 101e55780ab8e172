package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heap {@code ./shoplens} gives each start (SHOPLENS_PRINT_HEAP prints it and starts
 * nothing): a one-shot command sized from its input, so a cold analyze stays near what its model
 * needs; everything else, and input whose size says nothing of its rows, half of the memory.
 */
class LauncherHeapTest {

    private static final Path LAUNCHER = Path.of("..", "shoplens").toAbsolutePath().normalize();
    private static final String SIZED = " -Dspark.memory.fraction=0.3 -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=75";
    private static final String HALF = "-XX:MaxRAMPercentage=50";

    @TempDir
    Path dir;

    @Test
    void aSmallInputGetsTheOneGigabyteFloor() throws Exception {
        Path csv = Files.writeString(dir.resolve("city_info.csv"), "city_id,city_name,area\n1,北京,华北\n");
        assertThat(heap(Map.of(), "analyze", "--input", csv.toString(), "--out", "x")).isEqualTo("-Xmx1024m" + SIZED);
        assertThat(heap(Map.of(), "report", "--input=" + csv, "--out", "x.html")).isEqualTo("-Xmx1024m" + SIZED);
        assertThat(heap(Map.of(), "import", "--workspace", "w", "--data", "hdfs://nn/shop", "--name", "n", csv.toString()))
                .isEqualTo("-Xmx1024m" + SIZED);
    }

    @Test
    void aBigInputGetsThreeHundredMegabytesAndTwoAndAHalfTimesItsSize() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        byte[] line = "2019-07-17,95,s1,37,2019-07-17 00:00:02,,,,,,,,3,web,\n".getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[1 << 20];
        for (int i = 0; i < block.length; i++) {
            block[i] = line[i % line.length];
        }
        try (OutputStream out = Files.newOutputStream(logs.resolve("user_visit_action.csv"))) {
            for (int i = 0; i < 320; i++) {
                out.write(block);
            }
        }
        long kb = diskKilobytes(logs);
        long expected = Math.min(300 + kb * 5 / 2 / 1024, memoryKilobytes() / 2 / 1024);
        assertThat(heap(Map.of(), "analyze", "--input", logs.toString(), "--out", "x"))
                .isEqualTo("-Xmx" + expected + "m" + SIZED);
        assertThat(expected).as("320 MB of CSV").isBetween(1090L, 1110L);
    }

    @Test
    void compressedInputOtherCommandsAndAGivenHeapKeepTheirDefault() throws Exception {
        Path gz = dir.resolve("actions.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("date,user_id\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(heap(Map.of(), "analyze", "--input", gz.toString(), "--out", "x")).isEqualTo(HALF);
        assertThat(heap(Map.of(), "shell", "--workspace", "w")).isEqualTo(HALF);
        assertThat(heap(Map.of(), "analyze", "--input", dir.resolve("missing").toString(), "--out", "x")).isEqualTo(HALF);
        Path csv = Files.writeString(dir.resolve("c.csv"), "city_id,city_name,area\n");
        assertThat(heap(Map.of("SHOPLENS_HEAP", "-Xmx3g"), "analyze", "--input", csv.toString(), "--out", "x"))
                .isEqualTo("-Xmx3g -Dshoplens.heap.fixed=true");
    }

    private static String heap(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("SHOPLENS_HEAP");
        builder.environment().put("SHOPLENS_PRINT_HEAP", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    /** What {@code du -sk} says, as the launcher asks it. */
    private static long diskKilobytes(Path folder) throws Exception {
        Process du = new ProcessBuilder("du", "-skL", folder.toString()).start();
        assertThat(du.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Long.parseLong(new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\\s")[0]);
    }

    private static long memoryKilobytes() throws IOException {
        long kb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
        Path limit = Path.of("/sys/fs/cgroup/memory.max");
        if (Files.isReadable(limit)) {
            String max = Files.readString(limit).strip();
            if (max.matches("\\d+")) {
                kb = Math.min(kb, Long.parseLong(max) / 1024);
            }
        }
        return kb;
    }
}
