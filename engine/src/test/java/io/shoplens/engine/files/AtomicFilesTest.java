package io.shoplens.engine.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written whole or not at all, and a folder that cannot take them named in the message. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("report.html"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(target);
        }
    }

    @Test
    void aMissingFolderIsNamed() {
        Path target = dir.resolve("nope/report.html");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write("<html/>".getBytes())))
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot write " + target + ": the folder " + target.getParent() + " does not exist");
    }

    @Test
    void aReadOnlyFolderGivesAClearMessageAndLeavesNothingBehind() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            // root may write into any folder whatever its mode; /proc is read-only even for root
            Path readOnly = Files.isWritable(folder) ? Path.of("/proc") : folder;
            Path target = readOnly.resolve("report.pdf");
            assertThatThrownBy(() -> AtomicFiles.write(target, out -> out.write("%PDF".getBytes())))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("Cannot write " + target + ": the folder " + readOnly + " is not writable");
            try (var files = Files.list(readOnly)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .noneMatch(name -> name.startsWith("report.pdf") || name.startsWith(".report.pdf"));
            }
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
