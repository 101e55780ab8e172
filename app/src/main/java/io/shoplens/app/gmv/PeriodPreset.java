package io.shoplens.app.gmv;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import io.shoplens.engine.gmv.DateRange;

/**
 * The bridge's ready-made comparisons, relative to the last date in the data (the data's "today"):
 * the last 7 days against the 7 before, and this month to that date against the same days of
 * the month before (a whole month against part of one would show a drop that is only the
 * calendar).
 */
public enum PeriodPreset {
    WEEK, MONTH, CUSTOM;

    /** The base and the current period ending on {@code last}; CUSTOM has none. */
    public DateRange[] periods(LocalDate last) {
        return switch (this) {
            case WEEK -> new DateRange[] {new DateRange(last.minusDays(13), last.minusDays(7)),
                    new DateRange(last.minusDays(6), last)};
            case MONTH -> {
                LocalDate monthStart = last.withDayOfMonth(1);
                LocalDate previousStart = monthStart.minusMonths(1);
                LocalDate previousEnd = previousStart.plusDays(last.getDayOfMonth() - 1L);
                LocalDate previousMonthEnd = previousStart.with(TemporalAdjusters.lastDayOfMonth());
                yield new DateRange[] {new DateRange(previousStart,
                        previousEnd.isAfter(previousMonthEnd) ? previousMonthEnd : previousEnd),
                        new DateRange(monthStart, last)};
            }
            case CUSTOM -> throw new IllegalStateException("A custom comparison has no preset periods");
        };
    }
}
