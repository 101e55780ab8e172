package io.shoplens.engine.memory;

import java.util.Arrays;

/**
 * A column of longs set on few rows (a pay's amounts), kept as the values of the rows that have
 * one; any other row reads as a given default. A bit per row says whether it has one, and a count
 * per 64 rows finds its value without a search: analyses that read every action as one value
 * (audience's period actions, its member tiers) spent most of their time in binary searches.
 */
final class SparseLongColumn {

    private final long[] values;
    /** Bit {@code row % 64} of word {@code row / 64} is set when the row has a value. */
    private final long[] present;
    /** How many rows before word {@code w} have a value: the index of the word's first value. */
    private final int[] valuesBefore;

    private SparseLongColumn(int[] rows, long[] values) {
        this.values = values;
        int words = rows.length == 0 ? 0 : (rows[rows.length - 1] >> 6) + 1;
        this.present = new long[words];
        for (int row : rows) {
            present[row >> 6] |= 1L << row;
        }
        this.valuesBefore = new int[words];
        int before = 0;
        for (int w = 0; w < words; w++) {
            valuesBefore[w] = before;
            before += Long.bitCount(present[w]);
        }
    }

    boolean has(int row) {
        int w = row >> 6;
        return w < present.length && (present[w] & (1L << row)) != 0;
    }

    /** The row's value, {@code absent} when it has none. */
    long get(int row, long absent) {
        if (!has(row)) {
            return absent;
        }
        int w = row >> 6;
        return values[valuesBefore[w] + Long.bitCount(present[w] & ((1L << row) - 1))];
    }

    /**
     * The values at {@code rows}, in that order; a row without one takes {@code absentAs} of it,
     * none when that is {@link MemoryAction#NONE}.
     */
    SparseLongColumn gather(int[] rows, java.util.function.IntToLongFunction absentAs) {
        Builder b = new Builder();
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (has(r)) {
                b.set(i, get(r, 0));
            } else {
                long v = absentAs.applyAsLong(r);
                if (v != MemoryAction.NONE) {
                    b.set(i, v);
                }
            }
        }
        return b.build();
    }

    /** Rows that have a value. */
    int count() {
        return values.length;
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
