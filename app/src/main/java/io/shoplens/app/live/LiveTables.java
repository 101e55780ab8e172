package io.shoplens.app.live;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.analysis.ResultTable;

/**
 * The four ad tables the Live tab shows, of one day: the open day's from the latest micro-batch,
 * or a past day's.
 *
 * @param day  the tables' day; empty before the first click
 * @param live true for the open day's tables, false for a past day's
 */
public record LiveTables(Optional<LocalDate> day, List<ResultTable> tables, boolean live) {

    public LiveTables {
        tables = List.copyOf(tables);
    }

    public ResultTable table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No live table " + name));
    }
}
