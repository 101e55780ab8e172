package io.shoplens.engine.memory;

import java.util.Arrays;

/**
 * A column of longs, {@link MemoryAction#NONE} among them, each kept as its offset from the
 * column's first set value in the narrowest array that holds every offset: a byte for a page id or
 * a date, an int for a time in seconds, a long only when the values span more than an int. Ten
 * million ids cost 10 MB here against 80 MB as longs (or 160 MB boxed). Immutable once built.
 */
final class LongColumn {

    private final long base;
    private final int width;
    private final byte[] bytes;
    private final short[] shorts;
    private final int[] ints;
    private final long[] longs;
    private final int size;

    private LongColumn(long base, int width, byte[] bytes, short[] shorts, int[] ints, long[] longs, int size) {
        this.base = base;
        this.width = width;
        this.bytes = bytes;
        this.shorts = shorts;
        this.ints = ints;
        this.longs = longs;
        this.size = size;
    }

    private LongColumn(Builder b) {
        this.base = b.base;
        this.width = b.width;
        this.size = b.size;
        this.bytes = b.bytes == null ? null : Arrays.copyOf(b.bytes, size);
        this.shorts = b.shorts == null ? null : Arrays.copyOf(b.shorts, size);
        this.ints = b.ints == null ? null : Arrays.copyOf(b.ints, size);
        this.longs = b.longs == null ? null : Arrays.copyOf(b.longs, size);
    }

    long get(int row) {
        // The narrow types' smallest value stands for NONE, so an offset never takes it.
        return switch (width) {
            case Byte.BYTES -> bytes[row] == Byte.MIN_VALUE ? MemoryAction.NONE : base + bytes[row];
            case Short.BYTES -> shorts[row] == Short.MIN_VALUE ? MemoryAction.NONE : base + shorts[row];
            case Integer.BYTES -> ints[row] == Integer.MIN_VALUE ? MemoryAction.NONE : base + ints[row];
            default -> longs[row];
        };
    }

    int size() {
        return size;
    }

    /** The values at {@code rows}, in that order, at this column's width. */
    LongColumn gather(int[] rows) {
        int n = rows.length;
        switch (width) {
            case Byte.BYTES -> {
                byte[] g = new byte[n];
                for (int i = 0; i < n; i++) {
                    g[i] = bytes[rows[i]];
                }
                return new LongColumn(base, width, g, null, null, null, n);
            }
            case Short.BYTES -> {
                short[] g = new short[n];
                for (int i = 0; i < n; i++) {
                    g[i] = shorts[rows[i]];
                }
                return new LongColumn(base, width, null, g, null, null, n);
            }
            case Integer.BYTES -> {
                int[] g = new int[n];
                for (int i = 0; i < n; i++) {
                    g[i] = ints[rows[i]];
                }
                return new LongColumn(base, width, null, null, g, null, n);
            }
            default -> {
                long[] g = new long[n];
                for (int i = 0; i < n; i++) {
                    g[i] = longs[rows[i]];
                }
                return new LongColumn(base, width, null, null, null, g, n);
            }
        }
    }

    /** Bytes each value takes: 1, 2, 4 or 8. */
    int width() {
        return width;
    }

    /**
     * Appends values, widening the array (byte, short, int, long) when a value's offset does not
     * fit, so the column never holds more than its own values at their final width plus growth.
     */
    static final class Builder {
        private long base;
        private boolean hasBase;
        private int width = Byte.BYTES;
        private byte[] bytes;
        private short[] shorts;
        private int[] ints;
        private long[] longs;
        private int size;

        Builder() {
            this(16);
        }

        /**
         * @param capacity the rows expected: a builder sized for its rows copies no array while
         *                 it fills (growing by half each time, ten million rows cost some thirty
         *                 copies of the column)
         */
        Builder(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        Builder add(long value) {
            if (value != MemoryAction.NONE && !hasBase) {
                base = value;
                hasBase = true;
            }
            while (!fits(value)) {
                widen();
            }
            if (size == capacity()) {
                grow();
            }
            put(size++, value);
            return this;
        }

        LongColumn build() {
            return new LongColumn(this);
        }

        private boolean fits(long value) {
            if (value == MemoryAction.NONE || width == Long.BYTES) {
                return true;
            }
            long offset = value - base;
            boolean overflowed = ((value ^ base) & (value ^ offset)) < 0;
            return !overflowed && offset > smallest(width) && offset <= largest(width);
        }

        /** The smallest value of the array type of {@code width}: NONE's code, never an offset. */
        private static long smallest(int width) {
            return switch (width) {
                case Byte.BYTES -> Byte.MIN_VALUE;
                case Short.BYTES -> Short.MIN_VALUE;
                default -> Integer.MIN_VALUE;
            };
        }

        private static long largest(int width) {
            return switch (width) {
                case Byte.BYTES -> Byte.MAX_VALUE;
                case Short.BYTES -> Short.MAX_VALUE;
                default -> Integer.MAX_VALUE;
            };
        }

        private void put(int row, long value) {
            boolean none = value == MemoryAction.NONE;
            switch (width) {
                case Byte.BYTES -> bytes[row] = none ? Byte.MIN_VALUE : (byte) (value - base);
                case Short.BYTES -> shorts[row] = none ? Short.MIN_VALUE : (short) (value - base);
                case Integer.BYTES -> ints[row] = none ? Integer.MIN_VALUE : (int) (value - base);
                default -> longs[row] = value;
            }
        }

        private void widen() {
            int capacity = capacity();
            LongColumn values = build();
            bytes = null;
            shorts = null;
            ints = null;
            width = width * 2;
            switch (width) {
                case Short.BYTES -> shorts = new short[capacity];
                case Integer.BYTES -> ints = new int[capacity];
                default -> longs = new long[capacity];
            }
            for (int row = 0; row < size; row++) {
                put(row, values.get(row));
            }
        }

        private int capacity() {
            return switch (width) {
                case Byte.BYTES -> bytes.length;
                case Short.BYTES -> shorts.length;
                case Integer.BYTES -> ints.length;
                default -> longs.length;
            };
        }

        private void grow() {
            int capacity = Math.max(16, capacity() + (capacity() >> 1));
            switch (width) {
                case Byte.BYTES -> bytes = Arrays.copyOf(bytes, capacity);
                case Short.BYTES -> shorts = Arrays.copyOf(shorts, capacity);
                case Integer.BYTES -> ints = Arrays.copyOf(ints, capacity);
                default -> longs = Arrays.copyOf(longs, capacity);
            }
        }
    }
}
