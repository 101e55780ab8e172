package io.shoplens.engine.run;

import java.util.Optional;
import java.util.function.Supplier;

import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.ads.AdClickColumns;
import io.shoplens.engine.ads.MemoryAdClickAnalysis;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.model.AnalysisInput;

/**
 * The ad clicks the ads analysis reads, held in this JVM once the first ads request has read
 * them (one Spark job per half a million clicks), so every later request, whatever its
 * provinces, threshold or zone, is answered in plain Java. Spark's six jobs over the table were
 * the slowest part of a cold run of every analysis (5–6 s at a million actions, DuckDB 0.1 s).
 * Clicks too many to hold, or a run on a cluster ({@code maxClicks} 0), stay with Spark.
 */
final class HeldAdClicks {

    private final Supplier<LogTables> tables;
    private final Memoized<Optional<AdClickColumns>> held;

    private HeldAdClicks(Supplier<LogTables> tables, Memoized<Optional<AdClickColumns>> held) {
        this.tables = tables;
        this.held = held;
    }

    /**
     * @param clicks    how many clicks {@code tables} holds, -1 to count them when first read
     * @param maxClicks the most clicks held here; 0 leaves every ads run to Spark
     */
    static HeldAdClicks of(LogTables tables, long clicks, long maxClicks) {
        return of(() -> tables, clicks, maxClicks);
    }

    /** As above, the tables opened only if they are read. */
    static HeldAdClicks of(Supplier<LogTables> tables, long clicks, long maxClicks) {
        return new HeldAdClicks(tables, Memoized.of(() -> maxClicks <= 0 ? Optional.empty()
                : AdClickColumns.read(tables.get().adClicks(), clicks >= 0 ? clicks : tables.get().adClicks().count(),
                        maxClicks)));
    }

    /** {@code held}: the clicks of {@code tables}, already in this JVM; when empty, read as above. */
    static HeldAdClicks of(Supplier<LogTables> tables, Optional<AdClickColumns> held, long maxClicks) {
        return held.isPresent() ? new HeldAdClicks(tables, Memoized.now(held)) : of(tables, -1, maxClicks);
    }

    /** The ads tables of {@code params}: from the held clicks, read now on first use, else on Spark. */
    AnalysisResult run(AdParams params) {
        return held.get().map(clicks -> MemoryAdClickAnalysis.run(clicks, params))
                .orElseGet(() -> AdClickAnalysis.run(AnalysisInput.of(tables.get(), SessionFilter.NONE), params));
    }
}
