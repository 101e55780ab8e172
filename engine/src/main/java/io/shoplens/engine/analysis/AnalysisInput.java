package io.shoplens.engine.analysis;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What an analysis reads: all log tables, plus the actions of the sessions that pass the run's
 * filter. The filtered actions are built once per run and shared by every analysis of that run.
 *
 * @param tables  every imported table (ad clicks, users, products, cities unfiltered)
 * @param actions {@link FilteredActions#of} the run's filter
 * @param filter  the filter that made {@code actions}, for analyses that report it
 */
public record AnalysisInput(LogTables tables, Dataset<Row> actions, SessionFilter filter) {

    public static AnalysisInput of(LogTables tables, SessionFilter filter) {
        return new AnalysisInput(tables, FilteredActions.of(tables, filter), filter);
    }
}
