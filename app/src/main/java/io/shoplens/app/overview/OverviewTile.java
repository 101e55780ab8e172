package io.shoplens.app.overview;

import java.time.LocalDate;
import java.util.List;

/**
 * One number of the overview with its trend: a label, the value as shown, and a value per day
 * for the sparkline (empty for numbers that have no daily form, such as distinct users).
 *
 * @param values one per {@code days}; null where the day has no value (AOV without orders)
 */
public record OverviewTile(String id, String label, String value, List<LocalDate> days, List<Double> values) {

    public OverviewTile {
        days = List.copyOf(days);
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
