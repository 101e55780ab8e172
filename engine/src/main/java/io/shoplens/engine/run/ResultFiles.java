package io.shoplens.engine.run;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/** Writes results as {@code DIR/<analysis>/<table>.csv}, each file complete or not at all. */
public final class ResultFiles {

    private ResultFiles() {
    }

    public static void write(Path outDir, List<AnalysisResult> results) throws IOException {
        for (AnalysisResult result : results) {
            Path dir = outDir.resolve(result.analysis());
            Files.createDirectories(dir);
            for (ResultTable table : result.tables()) {
                writeAtomically(dir.resolve(table.name() + ".csv"), table);
            }
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
