package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.logs.LogKind;

/** An export folder often holds more than logs: what is clearly not one is skipped with a note, not failed. */
class NonLogFilesTest extends WorkspaceFixture {

    @Test
    void documentationImagesAndFolderFilesAreSkippedWithANoteAndTheLogsImport() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("export"));
        Files.writeString(folder.resolve("city_info.csv"), "city_id,city_name,area\n0,北京,华北\n");
        Files.writeString(folder.resolve("README.md"), "# Our export\nuser_visit_action.csv holds a week.\n");
        Files.writeString(folder.resolve("README"), "read me\n");
        Files.writeString(folder.resolve("notes.markdown"), "1,2,3\n");
        Files.writeString(folder.resolve("desktop.ini"), "[.ShellClassInfo]\n");
        Files.write(folder.resolve("Thumbs.db"), new byte[] {0, 1, 2});
        Files.write(folder.resolve("chart.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        ImportReport report = Importer.importFiles(ws, List.of(folder), ImportOptions.defaults(), ImportListener.NONE,
                CancellationToken.none());

        assertThat(report.hasFailures()).isFalse();
        assertThat(report.files()).filteredOn(f -> f.outcome() instanceof FileReport.Outcome.Skipped)
                .extracting(f -> Path.of(f.file()).getFileName().toString())
                .containsExactlyInAnyOrder("README", "README.md", "notes.markdown", "desktop.ini", "Thumbs.db", "chart.png");
        assertThat(report.notes()).contains(folder.resolve("README.md") + ": skipped, documentation, not a log",
                folder.resolve("desktop.ini") + ": skipped, a file the operating system keeps in folders",
                folder.resolve("chart.png") + ": skipped, an image, not a log");
        assertThat(ws.datasets().all()).singleElement().satisfies(d -> assertThat(d.kind()).isEqualTo(LogKind.CITY_INFO));
    }

    @Test
    void aReadmeGivenByNameIsSkippedButAFileThatIsNoLogStillFails() throws IOException {
        Path readme = write("README.txt", "how to read these logs\n");
        Path unknown = write("export.dat", "garbage that fits no kind of log\n");

        ImportReport report = Importer.importFiles(ws, List.of(readme, unknown), ImportOptions.defaults(),
                ImportListener.NONE, CancellationToken.none());

        assertThat(report.files().get(0).outcome()).isInstanceOf(FileReport.Outcome.Skipped.class);
        assertThat(report.files().get(1).error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith(unknown + ": ").contains("cannot tell the kind of log"));
        assertThat(report.hasFailures()).isTrue();
    }
}
