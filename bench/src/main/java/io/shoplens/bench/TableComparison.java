package io.shoplens.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.shoplens.engine.analysis.ResultTable;

/**
 * Compares two result tables cell by cell: same columns, same rows in the same order, equal
 * values, doubles to a relative 1e-9 (DuckDB and Spark turn the same decimal sum into a double
 * by different routes, so the last bit may differ).
 */
public final class TableComparison {

    static final double TOLERANCE = 1e-9;
    private static final int MAX_LISTED = 10;

    private TableComparison() {
    }

    /** The differences, described for a person ({@code what} names both sides); empty when they agree. */
    public static List<String> differences(String what, ResultTable expected, ResultTable actual) {
        List<String> out = new ArrayList<>();
        String table = what + " " + expected.name();
        if (!expected.columns().equals(actual.columns())) {
            out.add(table + ": columns " + expected.columns() + " vs " + actual.columns());
            return out;
        }
        if (expected.rows().size() != actual.rows().size()) {
            out.add(table + ": " + expected.rows().size() + " rows vs " + actual.rows().size());
        }
        int rows = Math.min(expected.rows().size(), actual.rows().size());
        for (int r = 0; r < rows && out.size() < MAX_LISTED; r++) {
            List<Object> e = expected.rows().get(r);
            List<Object> a = actual.rows().get(r);
            for (int c = 0; c < e.size(); c++) {
                if (!same(e.get(c), a.get(c))) {
                    out.add(table + " row " + (r + 1) + " " + expected.columns().get(c) + ": " + show(e.get(c))
                            + " vs " + show(a.get(c)) + "  (rows " + e + " vs " + a + ")");
                    break;
                }
            }
        }
        return out;
    }

    static boolean same(Object e, Object a) {
        if (e instanceof Double || a instanceof Double) {
            if (!(e instanceof Number x) || !(a instanceof Number y)) {
                return Objects.equals(e, a);
            }
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            return dx == dy || Math.abs(dx - dy) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(dx), Math.abs(dy)));
        }
        return Objects.equals(e, a);
    }

    private static String show(Object value) {
        return value == null ? "NULL" : value + " (" + value.getClass().getSimpleName() + ")";
    }
}
