package io.shoplens.engine.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.logs.LogKind;

/** A kind guessed from too little, or that most records contradict, is never imported silently. */
class GuessedKindsTest extends WorkspaceFixture {

    private ImportReport importing(Optional<LogKind> kind, Path... files) {
        return Importer.importFiles(ws, List.of(files), new ImportOptions(kind, Optional.empty()), ImportListener.NONE,
                CancellationToken.none());
    }

    @Test
    void aThreeNumberLineIsNotTakenForACityWithoutBeingToldSo() throws IOException {
        Path numbers = write("numbers.csv", "1,2,3\n");

        ImportReport guessed = importing(Optional.empty(), numbers);

        assertThat(guessed.hasFailures()).isTrue();
        assertThat(guessed.files().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith(numbers + ": its kind was guessed from 1 record without a header")
                .contains("city_info").contains("give --kind"));
        assertThat(ws.datasets().all()).isEmpty();
        assertThat(ws.folder().resolve("data")).isEmptyDirectory();

        ImportReport told = importing(Optional.of(LogKind.CITY_INFO), numbers);
        assertThat(told.hasFailures()).isFalse();
        assertThat(told.accepted()).isEqualTo(1);
    }

    @Test
    void garbageBeforeANumberLineIsNotACityWithOneRowAccepted() throws IOException {
        Path garbage = dir.resolve("garbage.csv");
        byte[] head = "garbage".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 4 + 6];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = 0;
        bytes[head.length + 1] = (byte) 0xff;
        bytes[head.length + 2] = (byte) 0xfe;
        bytes[head.length + 3] = '\n';
        System.arraycopy("1,2,3\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, head.length + 4, 6);
        Files.write(garbage, bytes);

        ImportReport report = importing(Optional.empty(), garbage);

        assertThat(report.files().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith(garbage + ": ").contains("give --kind"));
        assertThat(report.accepted()).isZero();
        assertThat(ws.datasets().all()).isEmpty();
    }

    @Test
    void aGuessThatMostRecordsContradictFailsAloneAndTheOtherFilesImport() throws IOException {
        // The first 20 lines are cities; the 30 after them are not.
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            text.append(i).append(",city").append(i).append(",area\n");
        }
        for (int i = 0; i < 30; i++) {
            text.append("x").append(i).append(",y,z\n");
        }
        Path mostlyNot = write("mostly-not.csv", text.toString());
        Path cities = write("cities.csv", "city_id,city_name,area\n0,北京,华北\n");

        ImportReport report = importing(Optional.empty(), mostlyNot, cities);

        assertThat(report.files().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .startsWith(mostlyNot + ": read as city_info (guessed without a header")
                .contains("30 of its 50 records were rejected").contains("Give --kind"));
        assertThat(report.files().get(1).datasetId()).isPresent();
        assertThat(ws.datasets().all()).hasSize(1);
    }

    @Test
    void aHeaderlessFileOfFiveFittingRecordsIsImportedAsItsGuessedKind() throws IOException {
        Path cities = write("cities.txt", "0_北京_华北\n1_上海_华东\n2_南京_华东\n3_广州_华南\n9_哈尔滨_东北\n");

        ImportReport report = importing(Optional.empty(), cities);

        assertThat(report.hasFailures()).isFalse();
        assertThat(report.files().get(0).kind()).contains(LogKind.CITY_INFO);
        assertThat(report.accepted()).isEqualTo(5);
    }

    @Test
    void thePreviewSaysWhenAGuessNeedsConfirmation() throws IOException {
        assertThat(GuessedKinds.needsConfirmation(FormatSniffer.sniff(write("numbers.csv", "1,2,3\n")))).isTrue();
        assertThat(GuessedKinds.needsConfirmation(FormatSniffer.sniff(
                write("header.csv", "city_id,city_name,area\n1,2,3\n")))).isFalse();
        assertThat(GuessedKinds.needsConfirmation(FormatSniffer.sniff(write("numbers.csv", "1,2,3\n"),
                Optional.of(LogKind.CITY_INFO)))).isFalse();
        assertThat(GuessedKinds.needsConfirmation(FormatSniffer.sniff(
                write("five.txt", "0_a_b\n1_a_b\n2_a_b\n3_a_b\n4_a_b\n")))).isFalse();
    }
}
