package io.shoplens.engine.funnel;

import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

/** Runs the funnel on hand-made tables and reads its tables as {@code |}-joined lines. */
final class FunnelRuns {

    private FunnelRuns() {
    }

    static LogTables tables(String... actions) {
        SparkSession spark = TestSpark.session();
        return LogTables.empty(spark).withActions(Fixtures.actions(spark, actions));
    }

    static AnalysisResult run(LogTables tables, SessionFilter filter, FunnelParams params) {
        return FunnelAnalysis.run(AnalysisInput.of(tables, filter), params);
    }

    static AnalysisResult run(LogTables tables, FunnelParams params) {
        return run(tables, SessionFilter.NONE, params);
    }

    /** The defaults with these steps, order, unit and window. */
    static FunnelParams params(String steps, FunnelOrder order, FunnelUnit unit, Integer window) {
        return new FunnelParams(FunnelStep.parseList(steps), order, unit, Optional.ofNullable(window),
                Optional.empty(), Attribution.FIRST_TOUCH);
    }

    static List<String> lines(AnalysisResult result, String table) {
        return Tables.lines(result.table(table));
    }
}
