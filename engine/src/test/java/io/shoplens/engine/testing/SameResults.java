package io.shoplens.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/**
 * Asserts that two forms of an analysis gave the same result: the same tables in the same order,
 * each with the same columns and the same rows, value by value. Values compare by
 * {@code equals}, so a Long is not an Integer and doubles must be the same double.
 */
public final class SameResults {

    private SameResults() {
    }

    public static void assertSameTables(String what, AnalysisResult expected, AnalysisResult actual) {
        assertThat(actual.analysis()).as(what).isEqualTo(expected.analysis());
        assertThat(actual.tables()).as(what).extracting(ResultTable::name)
                .containsExactlyElementsOf(expected.tables().stream().map(ResultTable::name).toList());
        for (ResultTable table : expected.tables()) {
            ResultTable mine = actual.table(table.name());
            assertThat(mine.columns()).as(what + " / " + table.name()).isEqualTo(table.columns());
            assertThat(mine.rows()).as(what + " / " + table.name()).isEqualTo(table.rows());
        }
    }
}
