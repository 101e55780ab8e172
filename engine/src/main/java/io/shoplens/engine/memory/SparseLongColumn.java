package io.shoplens.engine.memory;

import java.util.Arrays;

/**
 * A column of longs set on few rows (a pay's amounts), kept as the rows that have one and their
 * values; any other row reads as a given default. A look-up is a binary search, fine for values
 * read only when a session is cut or two actions tie, not in an analysis' inner loop.
 */
final class SparseLongColumn {

    private final int[] rows;
    private final long[] values;

    private SparseLongColumn(int[] rows, long[] values) {
        this.rows = rows;
        this.values = values;
    }

    boolean has(int row) {
        return Arrays.binarySearch(rows, row) >= 0;
    }

    /** The row's value, {@code absent} when it has none. */
    long get(int row, long absent) {
        int at = Arrays.binarySearch(rows, row);
        return at < 0 ? absent : values[at];
    }

    /** Rows that have a value. */
    int count() {
        return rows.length;
    }

    /** Takes values row by row, in increasing rows. */
    static final class Builder {
        private int[] rows = new int[16];
        private long[] values = new long[16];
        private int count;

        Builder set(int row, long value) {
            if (count > 0 && row <= rows[count - 1]) {
                throw new IllegalArgumentException("rows must increase: " + row + " after " + rows[count - 1]);
            }
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, count + (count >> 1));
                values = Arrays.copyOf(values, rows.length);
            }
            rows[count] = row;
            values[count++] = value;
            return this;
        }

        SparseLongColumn build() {
            return new SparseLongColumn(Arrays.copyOf(rows, count), Arrays.copyOf(values, count));
        }
    }
}
