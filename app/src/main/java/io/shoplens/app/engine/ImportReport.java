package io.shoplens.app.engine;

import java.util.List;

/**
 * What an import did: {@code read = accepted + rejected}, the datasets it created, the
 * rejected rows (all of them, or the first few thousand; {@code rejected} is the true count), and
 * notes on files that added nothing (unreadable, kind unknown, already imported).
 */
public record ImportReport(List<DatasetInfo> datasets, long read, long accepted, long rejected,
                           List<RejectedRow> rejectedRows, List<String> notes) {

    public ImportReport {
        datasets = List.copyOf(datasets);
        rejectedRows = List.copyOf(rejectedRows);
        notes = List.copyOf(notes);
    }

    public ImportReport(List<DatasetInfo> datasets, long read, long accepted, long rejected,
                        List<RejectedRow> rejectedRows) {
        this(datasets, read, accepted, rejected, rejectedRows, List.of());
    }

    /** A quarantined line: the file as given, its 1-based line number, why, and the raw text. */
    public record RejectedRow(String file, long line, String reason, String text) {
    }
}
