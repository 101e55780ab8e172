package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.testing.TestSpark;

/** A user's export folder holds more than the logs: nothing in it may change the numbers silently. */
class StrayFilesTest {

    private static final Path SHOP = Path.of("..", "sample-logs", "shop");

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }


    /** sample-logs/shop plus a README and a file {@code numbers.csv} holding the single line {@code 1,2,3}. */
    private Path exportFolder() throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        try (Stream<Path> files = Files.list(SHOP)) {
            for (Path f : files.toList()) {
                Files.copy(f, export.resolve(f.getFileName().toString()));
            }
        }
        Files.writeString(export.resolve("numbers.csv"), "1,2,3\n");
        Files.writeString(export.resolve("README.md"), "# Shop export, July 2019\n");
        return export;
    }

    @Test
    void aThreeNumberLineFailsAloneAndShanghaiKeepsItsClicksInEastChina() throws IOException {
        Path export = exportFolder();
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("analyze", "--input", export.toString(), "--out", out.toString(), "--analysis", "products");

        assertThat(run.code()).as(run.err()).isEqualTo(ShopLensCli.EXIT_UNREADABLE_INPUT);
        assertThat(run.err()).contains("shoplens: " + export.resolve("numbers.csv")
                + ": its kind was guessed from 1 record without a header").contains("give --kind city_info");
        assertThat(run.err()).contains("shoplens: skipped " + export.resolve("README.md") + ": documentation, not a log");
        List<String> top = Files.readAllLines(out.resolve("products/top_products.csv"), StandardCharsets.UTF_8);
        assertThat(top).filteredOn(line -> line.startsWith("华东,A,1,"))
                .singleElement().asString().endsWith(",861,\"上海,南京\"");
    }

    @Test
    void givenAsCitiesTheNumbersLineIsReportedAsAConflictAndWinsAsTheMostRecentImport() throws IOException {
        Path export = exportFolder();
        String ws = dir.resolve("ws").toString();
        assertThat(CliRun.of("import", "--workspace", ws, export.toString()).code()).isEqualTo(ShopLensCli.EXIT_UNREADABLE_INPUT);

        CliRun told = CliRun.of("import", "--workspace", ws, "--kind", "city_info", export.resolve("numbers.csv").toString());

        assertThat(told.code()).as(told.err()).isZero();
        assertThat(told.out()).contains("conflict: city_info: dataset 7 (numbers.csv) overrides 1 id of dataset 3"
                + " (city_info.csv)").contains("city_id 1 is \"2 | 3\" in numbers.csv, \"上海 | 华东\" in city_info.csv");

        CliRun preferred = CliRun.of("datasets", "--workspace", ws, "--prefer", "3");
        assertThat(preferred.code()).as(preferred.err()).isZero();
        assertThat(preferred.out()).contains("conflict: city_info: dataset 3 (city_info.csv) overrides 1 id of"
                + " dataset 7 (numbers.csv)");
    }

    @Test
    void garbageFollowedByANumberLineIsNotImportedAsACity() throws IOException {
        Path garbage = dir.resolve("garbage.csv");
        byte[] text = "garbage\0\u00ff\u00fe\n1,2,3\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(garbage, text);

        CliRun run = CliRun.of("import", "--workspace", dir.resolve("ws").toString(), garbage.toString());

        assertThat(run.code()).isEqualTo(ShopLensCli.EXIT_UNREADABLE_INPUT);
        assertThat(run.err()).contains("shoplens: " + garbage + ": ").contains("give --kind");
        assertThat(run.out()).contains("total: read 0, accepted 0, rejected 0");
    }
}
