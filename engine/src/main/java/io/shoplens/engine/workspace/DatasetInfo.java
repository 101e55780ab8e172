package io.shoplens.engine.workspace;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.shoplens.engine.logs.LogKind;

/**
 * One imported dataset as the catalog records it. {@code minDate}/{@code maxDate} are the range of
 * {@code date} for user_visit_action and null for the other kinds (ad-click dates depend on a time
 * zone chosen at analysis time). {@code dataPath} is the dataset's Parquet folder.
 */
public record DatasetInfo(long id, String name, LogKind kind, List<String> sourceFiles, long sizeBytes,
                          String fingerprint, long rowsRead, long rowsAccepted, long rowsRejected,
                          LocalDate minDate, LocalDate maxDate, Instant importedAt, Path dataPath) {

    public DatasetInfo {
        sourceFiles = List.copyOf(sourceFiles);
    }
}
