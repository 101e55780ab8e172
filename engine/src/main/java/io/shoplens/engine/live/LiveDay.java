package io.shoplens.engine.live;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.shoplens.engine.analysis.ResultTable;

/**
 * A past day of the live view: the ads analysis' four tables (blacklist, daily_clicks, top_ads,
 * minute_trend) as they were when the day ended, late clicks included.
 */
public record LiveDay(LocalDate day, List<ResultTable> tables) {

    public LiveDay {
        Objects.requireNonNull(day, "day");
        tables = List.copyOf(tables);
    }

    public ResultTable table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No live table " + name));
    }
}
