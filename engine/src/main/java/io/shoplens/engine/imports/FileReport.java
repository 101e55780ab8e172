package io.shoplens.engine.imports;

import java.util.List;
import java.util.Optional;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.RejectedRow;

/**
 * What happened to one input file (or folder of Parquet parts). {@code read} counts records:
 * non-blank ones after the header (blank lines, including a trailing one, carry no record and are
 * not counted; a record spans lines only inside a quoted field); for Parquet, rows. {@code read == accepted + rejected} always. {@code datasetId} is the new
 * dataset; a duplicate has {@code duplicateOf} instead (the dataset that already holds these
 * bytes). {@code error} is set when the file could not be imported at all (unreadable, vanished,
 * kind unknown); it then adds nothing to the workspace. {@code rejections} are all its rejected rows.
 */
public record FileReport(String file, Optional<LogKind> kind, SourceFormat format, String delimiter, boolean gzip,
                         String encoding, long read, long accepted, long rejected, Optional<Long> duplicateOf,
                         Optional<Long> datasetId, List<String> warnings, Optional<String> error,
                         List<RejectedRow> rejections) {

    public FileReport {
        warnings = List.copyOf(warnings);
        rejections = List.copyOf(rejections);
    }

    static FileReport failed(String file, String error) {
        return new FileReport(file, Optional.empty(), SourceFormat.DELIMITED, "none", false, "UTF-8", 0, 0, 0,
                Optional.empty(), Optional.empty(), List.of(), Optional.of(error), List.of());
    }

    FileReport withDataset(long id) {
        return new FileReport(file, kind, format, delimiter, gzip, encoding, read, accepted, rejected, duplicateOf,
                Optional.of(id), warnings, error, rejections);
    }

    FileReport asDuplicateOf(long id) {
        return new FileReport(file, kind, format, delimiter, gzip, encoding, read, accepted, rejected, Optional.of(id),
                Optional.empty(), warnings, error, rejections);
    }
}
