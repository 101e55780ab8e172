package io.shoplens.engine.workspace;

import java.util.ArrayList;
import java.util.List;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.ReferenceConflict.DatasetRef;

/**
 * Where a run's definitions of one reference kind came from: the datasets that define it, the
 * winning one first, and which of them override ids of which. A run records one per reference
 * kind it read, so its numbers can be traced to the definitions behind them.
 */
public record ReferenceSource(LogKind kind, List<DatasetRef> datasets, List<OverriddenIds> overrides) {

    /** {@code winner} defines {@code ids} ids differently from {@code overridden}, and wins. */
    public record OverriddenIds(DatasetRef winner, DatasetRef overridden, long ids) {
    }

    public ReferenceSource {
        datasets = List.copyOf(datasets);
        overrides = List.copyOf(overrides);
    }

    /**
     * One line per override ({@code city_info ids from dataset 7 (numbers.csv) override 3 ids of
     * dataset 2 (city_info.csv)}), else the one line saying where the definitions came from.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (OverriddenIds o : overrides) {
            lines.add(kind.id() + " ids from " + o.winner() + " override " + o.ids() + " id" + (o.ids() == 1 ? "" : "s")
                    + " of " + o.overridden());
        }
        if (lines.isEmpty()) {
            lines.add(kind.id() + " from " + (datasets.isEmpty() ? "no dataset"
                    : String.join(", ", datasets.stream().map(DatasetRef::toString).toList())));
        }
        return lines;
    }
}
