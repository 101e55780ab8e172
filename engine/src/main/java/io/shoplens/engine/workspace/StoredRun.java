package io.shoplens.engine.workspace;

import java.util.List;

import io.shoplens.engine.analysis.AnalysisResult;

/**
 * A finished run with its result tables read back from the catalog.
 *
 * @param typed whether the tables were stored with their schema, and so hold the values of a
 *              fresh result (Long, Double, String, LocalDate, LocalDateTime, Boolean or null).
 *              A run stored by an older ShopLens, without schemas, holds its values as the text
 *              they were stored as: every value a String, an empty cell null.
 */
public record StoredRun(RunSummary summary, List<AnalysisResult> results, boolean typed) {

    public StoredRun {
        results = List.copyOf(results);
    }
}
