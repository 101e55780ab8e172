package io.shoplens.engine.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.shoplens.engine.logs.LogKind;

/**
 * One imported dataset as the catalog records it. {@code minDate}/{@code maxDate} are the range of
 * {@code date} for user_visit_action and null for the other kinds (ad-click dates depend on a time
 * zone chosen at analysis time). {@code dataLocation} is the dataset's Parquet folder as Spark reads it: a local path, or a
 * URI when the workspace keeps its data on a Hadoop file system ({@link DataFolder}).
 */
public record DatasetInfo(long id, String name, LogKind kind, List<String> sourceFiles, long sizeBytes,
                          String fingerprint, long rowsRead, long rowsAccepted, long rowsRejected,
                          LocalDate minDate, LocalDate maxDate, Instant importedAt, String dataLocation) {

    public DatasetInfo {
        sourceFiles = List.copyOf(sourceFiles);
    }

    /** The datasets of {@code kind} that hold rows: those a table of the kind reads. */
    public static List<DatasetInfo> read(LogKind kind, Collection<DatasetInfo> datasets) {
        return datasets.stream().filter(d -> d.kind() == kind && d.rowsAccepted() > 0).toList();
    }

    /**
     * The distinct {@code source_file} values of the rows of {@code kind} (a dataset's rows carry
     * its source files' names): one or none, and the analyses leave the file out of an action.
     */
    public static Set<String> sourceFilesOf(LogKind kind, Collection<DatasetInfo> datasets) {
        Set<String> files = new HashSet<>();
        for (DatasetInfo d : read(kind, datasets)) {
            files.addAll(d.sourceFiles());
        }
        return files;
    }
}
