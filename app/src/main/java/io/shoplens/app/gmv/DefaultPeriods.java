package io.shoplens.app.gmv;

import java.time.temporal.ChronoUnit;

import io.shoplens.engine.gmv.DateRange;

/**
 * The comparison the explorer opens on, chosen from the data's own dates so that both periods hold
 * data: the last 7 days against the 7 before when the data spans at least 14 days, else its
 * first half against its second (the later half one day shorter when the days are odd, so the
 * current period never counts more days than the base).
 */
public final class DefaultPeriods {

    private static final int WEEK = 7;

    private DefaultPeriods() {
    }

    /** Whether the last-7-days preset has data in both of its periods. */
    public static boolean weekFits(DateRange data) {
        return days(data) >= 2 * WEEK;
    }

    /** Base and current period within {@code data}; a single day is compared with itself. */
    public static DateRange[] of(DateRange data) {
        if (weekFits(data)) {
            return PeriodPreset.WEEK.periods(data.to());
        }
        long days = days(data);
        if (days < 2) {
            return new DateRange[] {data, data};
        }
        long base = (days + 1) / 2;
        return new DateRange[] {new DateRange(data.from(), data.from().plusDays(base - 1)),
                new DateRange(data.from().plusDays(base), data.to())};
    }

    /** Whether both periods share at least a day with {@code data}. */
    public static boolean within(DateRange[] periods, DateRange data) {
        for (DateRange p : periods) {
            if (p.to().isBefore(data.from()) || p.from().isAfter(data.to())) {
                return false;
            }
        }
        return true;
    }

    private static long days(DateRange range) {
        return ChronoUnit.DAYS.between(range.from(), range.to()) + 1;
    }
}
