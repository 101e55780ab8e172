package io.shoplens.engine.imports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.shoplens.engine.workspace.ReferenceConflict;
import io.shoplens.engine.workspace.RejectedRow;

/**
 * The outcome of one {@link Importer#importFiles} call: one report per input file, in input order,
 * and the conflicts its new reference datasets have with others (ids they define differently).
 */
public record ImportReport(List<FileReport> files, List<ReferenceConflict> conflicts) {

    public ImportReport {
        files = List.copyOf(files);
        conflicts = List.copyOf(conflicts);
    }

    /** An import that defines no id differently from what the workspace held. */
    public ImportReport(List<FileReport> files) {
        this(files, List.of());
    }

    public long read() {
        return files.stream().mapToLong(FileReport::read).sum();
    }

    public long accepted() {
        return files.stream().mapToLong(FileReport::accepted).sum();
    }

    public long rejected() {
        return files.stream().mapToLong(FileReport::rejected).sum();
    }

    /** Datasets holding this import's data: the new ones and, for duplicates, the existing ones. */
    public List<Long> datasetIds() {
        return files.stream().map(f -> f.datasetId().or(f::duplicateOf)).flatMap(Optional::stream).distinct().toList();
    }

    /** The datasets this import created, in input order. */
    public List<Long> newDatasetIds() {
        return files.stream().map(FileReport::datasetId).flatMap(Optional::stream).toList();
    }

    /**
     * What a person should read about the files beyond their counts, one line each, naming the
     * file: why one failed, why one was skipped, and each file's warnings.
     */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (FileReport f : files) {
            f.error().ifPresent(notes::add);
            if (f.outcome() instanceof FileReport.Outcome.Skipped skipped) {
                notes.add(f.file() + ": skipped, " + skipped.why());
            }
            f.warnings().forEach(w -> notes.add(f.file() + ": " + w));
        }
        return notes;
    }

    /** True when some input could not be read at all (the CLI's exit code 3). */
    public boolean hasFailures() {
        return files.stream().anyMatch(f -> f.error().isPresent());
    }

    /** Every rejected row of this import, in file then line order. */
    public List<RejectedRow> rejections() {
        return files.stream().flatMap(f -> f.rejections().stream()).toList();
    }

    /** Writes all rejected rows as RFC 4180 CSV with the header {@code file,line,reason,text}. */
    public void writeRejectedCsv(Path target) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            csv.printRecord("file", "line", "reason", "text");
            for (RejectedRow r : rejections()) {
                csv.printRecord(r.file(), r.line(), r.reason(), r.text());
            }
        }
    }
}
