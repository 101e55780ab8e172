package io.shoplens.engine.workspace;

import java.util.List;

import io.shoplens.engine.analysis.AnalysisResult;

/**
 * A finished run with its result tables read back from the catalog. Tables are stored as the CSV
 * that {@code ResultTable.writeCsv} writes, so values come back as: null for an empty cell,
 * {@link Long} for an integer literal, {@link Double} for a decimal literal, and {@link String}
 * for everything else (dates and times included, in their CSV form).
 */
public record StoredRun(RunSummary summary, List<AnalysisResult> results) {

    public StoredRun {
        results = List.copyOf(results);
    }
}
