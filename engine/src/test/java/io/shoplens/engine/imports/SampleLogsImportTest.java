package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.workspace.Workspace;

/** Every committed sample file imports as its kind with the row counts sample-logs/README.md gives. */
class SampleLogsImportTest {

    /** The engine module's tests run in engine/. */
    private static final Path SAMPLES = Path.of("..", "sample-logs");

    @TempDir
    Path dir;

    @Test
    void shopSamplesImportWithTheirRowCounts() {
        assertThat(importedCounts(SAMPLES.resolve("shop"))).containsExactly(
                Map.entry("ad_click", 20000L), Map.entry("category_info", 20L), Map.entry("city_info", 10L),
                Map.entry("product_info", 100L), Map.entry("user_info", 400L), Map.entry("user_visit_action", 61568L));
    }

    @Test
    void everyFormatFolderImportsWithTheSameRowCounts() throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(SAMPLES.resolve("formats"))) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(folders).extracting(p -> p.getFileName().toString())
                .containsExactly("gzip", "jsonl", "parquet", "platform", "tsv");
        for (Path folder : folders) {
            assertThat(importedCounts(folder)).as(folder.toString()).containsExactly(
                    Map.entry("ad_click", 2000L), Map.entry("category_info", 20L), Map.entry("city_info", 10L),
                    Map.entry("product_info", 100L), Map.entry("user_info", 200L),
                    Map.entry("user_visit_action", 3640L));
        }
    }

    /** Accepted rows per kind; every file must import, all its rows accepted. */
    private Map<String, Long> importedCounts(Path folder) {
        try (Workspace ws = Workspace.open(dir.resolve("ws-" + folder.getFileName()))) {
            ImportReport report = Importer.importFiles(ws, List.of(folder), ImportOptions.defaults(), ImportListener.NONE,
                    CancellationToken.none());
            assertThat(report.files()).as(folder.toString()).hasSize(6);
            assertThat(report.files()).allSatisfy(f -> {
                assertThat(f.error()).as(f.file()).isEmpty();
                assertThat(f.rejected()).as(f.file()).isZero();
                assertThat(f.read()).as(f.file()).isEqualTo(f.accepted());
            });
            Map<String, Long> counts = new TreeMap<>();
            report.files().forEach(f -> counts.merge(f.kind().orElseThrow().id(), f.accepted(), Long::sum));
            return counts;
        }
    }
}
