package io.shoplens.app.engine;

import java.util.List;

/**
 * What an import did: {@code read = accepted + rejected}, the datasets it created, and the
 * rejected rows (all of them, or the first few thousand; {@code rejected} is the true count).
 */
public record ImportReport(List<DatasetInfo> datasets, long read, long accepted, long rejected,
                           List<RejectedRow> rejectedRows) {

    public ImportReport {
        datasets = List.copyOf(datasets);
        rejectedRows = List.copyOf(rejectedRows);
    }

    /** A quarantined line: the file as given, its 1-based line number, why, and the raw text. */
    public record RejectedRow(String file, long line, String reason, String text) {
    }
}
