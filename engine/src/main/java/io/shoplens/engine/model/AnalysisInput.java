package io.shoplens.engine.model;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;

/**
 * What an analysis reads: the session model, the sessions that pass the run's filter, and the
 * filter itself. The filtered sessions are defined once per run and shared by every analysis of
 * that run.
 *
 * @param model    the session model and the log tables it was made from
 * @param sessions {@link SessionModel#sessions(SessionFilter)} of the run's filter
 * @param filter   the filter that made {@code sessions}, for analyses that report it
 */
public record AnalysisInput(SessionModel model, Dataset<Row> sessions, SessionFilter filter) {

    /** The input over a model made from {@code tables} (plans only: nothing runs until asked). */
    public static AnalysisInput of(LogTables tables, SessionFilter filter) {
        return of(SessionModel.of(tables), filter);
    }

    public static AnalysisInput of(SessionModel model, SessionFilter filter) {
        return new AnalysisInput(model, model.sessions(filter), filter);
    }

    /** Every log table (ad clicks, users, products, cities unfiltered). */
    public LogTables tables() {
        return model.tables();
    }

    /** The same model and filter over sessions kept elsewhere (e.g. cached for a run). */
    public AnalysisInput withSessions(Dataset<Row> kept) {
        return new AnalysisInput(model, kept, filter);
    }
}
