package io.shoplens.engine.workspace;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.shoplens.engine.logs.LogKind;

/**
 * A dataset staged by the importer, not yet in the catalog: its Parquet already written under
 * {@code stagingFolder} (from {@link Staging#newFolder()}), its rejected rows in memory. {@code
 * duplicateIds} counts rows of a reference kind whose id an earlier row of the file defined too.
 */
public record NewDataset(String name, LogKind kind, List<String> sourceFiles, long sizeBytes, String fingerprint,
                         long rowsRead, long rowsAccepted, long rowsRejected, LocalDate minDate, LocalDate maxDate,
                         Path stagingFolder, List<RejectedRow> rejectedRows, long duplicateIds) {

    public NewDataset {
        sourceFiles = List.copyOf(sourceFiles);
        rejectedRows = List.copyOf(rejectedRows);
    }
}
