package io.shoplens.engine.report;

import io.shoplens.engine.workspace.DatasetInfo;

/** A dataset a report was made from, as the workspace catalog records it. */
public record ReportDataset(String name, String kind, String fingerprint, long rowsAccepted, long rowsRejected) {

    public static ReportDataset of(DatasetInfo info) {
        return new ReportDataset(info.name(), info.kind().id(), info.fingerprint(), info.rowsAccepted(),
                info.rowsRejected());
    }
}
