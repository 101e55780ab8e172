package io.shoplens.engine.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.cores.SideBySide;

/** Writes results as {@code DIR/<analysis>/<table>.csv}, each file complete or not at all. */
public final class ResultFiles {

    private ResultFiles() {
    }

    /** Writes every table, several at once: at a million actions one at a time took longer than most analyses. */
    public static void write(Path outDir, List<AnalysisResult> results) throws IOException {
        List<Supplier<Void>> writes = new ArrayList<>();
        for (AnalysisResult result : results) {
            Path dir = outDir.resolve(result.analysis());
            Files.createDirectories(dir);
            for (ResultTable table : result.tables()) {
                writes.add(() -> {
                    try {
                        writeAtomically(dir.resolve(table.name() + ".csv"), table);
                        return null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        try {
            SideBySide.all(writes);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static void writeAtomically(Path target, ResultTable table) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + table.name(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                table.writeCsv(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
