package io.shoplens.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sample-logs/ holds exactly what the commands in sample-logs/README.md write, so the README's
 * row counts and the importer's tests on those files stay true when the generator changes.
 */
class CommittedSamplesTest {

    private static final Path SAMPLES = Path.of("..", "sample-logs");

    @Test
    void shopSampleIsTheDefaultGeneration(@TempDir Path dir) throws IOException {
        List<GeneratedFile> files = GeneratedLogs.generate(GenerateSettings.defaults(), dir);
        assertSameAsCommitted(files, dir, SAMPLES.resolve("shop"));
    }

    @Test
    void formatsSampleIsTheSmallGenerationInEveryOtherFormat(@TempDir Path dir) throws IOException {
        GenerateSettings defaults = GenerateSettings.defaults();
        GenerateSettings small = new GenerateSettings(200, 200, defaults.products(), defaults.days(),
                2000, defaults.seed(), defaults.startDate(),
                List.of(LogFormat.TSV, LogFormat.PLATFORM, LogFormat.JSONL, LogFormat.PARQUET, LogFormat.GZIP));
        List<GeneratedFile> files = GeneratedLogs.generate(small, dir);
        assertSameAsCommitted(files, dir, SAMPLES.resolve("formats"));
    }

    private static void assertSameAsCommitted(List<GeneratedFile> files, Path generated, Path committed)
            throws IOException {
        for (GeneratedFile file : files) {
            Path sample = committed.resolve(generated.relativize(file.path()));
            assertThat(sample).as("regenerate with the command in sample-logs/README.md").exists();
            GeneratedLogs.assertSameData(file.path(), sample);
        }
        try (var committedFiles = Files.walk(committed)) {
            assertThat(committedFiles.filter(Files::isRegularFile).count()).isEqualTo(files.size());
        }
    }
}
