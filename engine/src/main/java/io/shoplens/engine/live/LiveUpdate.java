package io.shoplens.engine.live;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.analysis.ResultTable;

/**
 * What one micro-batch leaves the live view with: the ad-click tables of the open day (same names
 * and columns as the batch ads analysis: blacklist, daily_clicks, top_ads, minute_trend), plus the
 * stream's own counters and the past days that can be opened ({@link LiveQuery#history}).
 *
 * @param clicksTotal      well-formed clicks read since the checkpoint began
 * @param malformedTotal   messages that did not parse, since the checkpoint began
 * @param malformedSamples a few of the latest malformed messages with their reason, for the user
 * @param batchLatestClick event time of the newest click in this batch (null if the batch had none)
 * @param day              the open day, the date of the latest click read (null before the first click)
 * @param pastDays         the earlier days with clicks, oldest first
 */
public record LiveUpdate(
        long batchId,
        Instant completedAt,
        long clicksTotal,
        long malformedTotal,
        List<String> malformedSamples,
        Instant batchLatestClick,
        List<ResultTable> tables,
        LocalDate day,
        List<LocalDate> pastDays) {

    public LiveUpdate {
        malformedSamples = List.copyOf(malformedSamples);
        tables = List.copyOf(tables);
        pastDays = List.copyOf(pastDays);
    }

    /** The open day; empty before the first click. */
    public Optional<LocalDate> openDay() {
        return Optional.ofNullable(day);
    }

    public ResultTable table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No live table " + name));
    }
}
