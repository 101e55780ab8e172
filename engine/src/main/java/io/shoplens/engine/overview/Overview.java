package io.shoplens.engine.overview;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The shop at a glance, for the first thing a user sees once data is in: sessions, users,
 * orders, GMV, conversion and AOV over the filtered sessions, and the same per day for a
 * sparkline. Conversion and AOV follow docs/ANALYSES.md (gmv): orders / sessions and GMV /
 * orders, empty when the denominator is 0.
 *
 * @param days one entry per date that has a session, in date order
 */
public record Overview(long sessions, long users, long orders, BigDecimal gmv, long ordersWithoutAmount,
                       List<Day> days) {

    /** One date's sessions (by their first action's date), orders and GMV. */
    public record Day(LocalDate date, long sessions, long orders, BigDecimal gmv) {
    }

    public Overview {
        days = List.copyOf(days);
    }

    public Optional<LocalDate> first() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.get(0).date());
    }

    public Optional<LocalDate> last() {
        return days.isEmpty() ? Optional.empty() : Optional.of(days.get(days.size() - 1).date());
    }

    public Optional<Double> conversion() {
        return sessions == 0 ? Optional.empty() : Optional.of((double) orders / sessions);
    }

    public Optional<Double> aov() {
        return orders == 0 ? Optional.empty()
                : Optional.of(gmv.divide(BigDecimal.valueOf(orders), MathContext.DECIMAL64).doubleValue());
    }
}
