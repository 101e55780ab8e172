package io.shoplens.engine.funnel;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.model.SuspectRules;
import io.shoplens.engine.memory.MemoryFilter;
import io.shoplens.engine.memory.MemoryFunnelAnalysis;
import io.shoplens.engine.memory.MemoryModel;
import io.shoplens.engine.model.SessionModel;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.SameResults;
import io.shoplens.engine.testing.Tables;
import io.shoplens.engine.testing.TestSpark;

/**
 * Runs the funnel on hand-made tables and reads its tables as {@code |}-joined lines. Every run
 * goes both ways, on Spark and in memory ({@link MemoryFunnelAnalysis}), and fails unless the two
 * give the same tables: so each hand-written number checks both forms of the funnel.
 */
final class FunnelRuns {

    private FunnelRuns() {
    }

    static LogTables tables(String... actions) {
        SparkSession spark = TestSpark.session();
        return LogTables.empty(spark).withActions(Fixtures.actions(spark, actions));
    }

    static AnalysisResult run(LogTables tables, SessionFilter filter, FunnelParams params) {
        SessionModel model = SessionModel.of(tables);
        AnalysisResult spark = FunnelAnalysis.run(AnalysisInput.of(model, filter), params);
        MemoryModel memory = MemoryModel.load(model);
        Set<Long> suspects = filter.excludeSuspects()
                ? SuspectRules.suspectUsers(model, AudienceParams.DEFAULT_MIN_DWELL_SECONDS).collectAsList().stream()
                        .filter(r -> !r.isNullAt(0)).map(r -> r.getLong(0)).collect(Collectors.toSet())
                : Set.of();
        AnalysisResult inMemory = MemoryFunnelAnalysis.run(memory, MemoryFilter.apply(memory, filter, suspects),
                params);
        SameResults.assertSameTables("in memory as on Spark", spark, inMemory);
        return spark;
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
