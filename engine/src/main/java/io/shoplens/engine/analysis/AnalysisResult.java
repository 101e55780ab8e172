package io.shoplens.engine.analysis;

import java.util.List;
import java.util.NoSuchElementException;

/** What one analysis produced: its name (also the output folder) and its named tables, in order. */
public record AnalysisResult(String analysis, List<ResultTable> tables) {

    public AnalysisResult {
        tables = List.copyOf(tables);
    }

    /** Whether a table of that name is among the tables. */
    public boolean has(String name) {
        return tables.stream().anyMatch(t -> t.name().equals(name));
    }

    public ResultTable table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException(analysis + " has no table " + name));
    }
}
