package io.shoplens.engine.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A column of few distinct values (channels, keywords, file names, id lists), each distinct value
 * kept once and every row holding its number in a {@link LongColumn}: a row costs a byte or two
 * where a reference alone cost four, and equal lists are no longer one array each. Null is a row
 * without a number. Immutable once built.
 *
 * @param <T> the values; they are shared between rows, so never changed
 */
final class DictionaryColumn<T> {

    private final List<T> values;
    private final LongColumn codes;

    private DictionaryColumn(List<T> values, LongColumn codes) {
        this.values = values;
        this.codes = codes;
    }

    /** The row's value, null when it has none. */
    T get(int row) {
        long code = codes.get(row);
        return code == MemoryAction.NONE ? null : values.get((int) code);
    }

    boolean isNull(int row) {
        return codes.get(row) == MemoryAction.NONE;
    }

    /** The values at {@code rows}, in that order, numbered as here. */
    DictionaryColumn<T> gather(int[] rows) {
        return new DictionaryColumn<>(values, codes.gather(rows));
    }

    /** {@code size} rows without a value. */
    static <T> DictionaryColumn<T> nulls(int size) {
        LongColumn.Builder none = new LongColumn.Builder(size);
        for (int i = 0; i < size; i++) {
            none.add(MemoryAction.NONE);
        }
        return new DictionaryColumn<>(List.of(), none.build());
    }

    /** Distinct values held. */
    int distinct() {
        return values.size();
    }

    /** Bytes each row's number takes. */
    int width() {
        return codes.width();
    }

    /**
     * Appends values, giving each distinct one (by its key) the next number.
     *
     * @param <K> what tells two values apart: the value itself, or its content for an array
     */
    static final class Builder<K, T> {
        private final Function<T, K> keyOf;
        private final Map<K, Integer> codes = new HashMap<>();
        private final List<T> values = new ArrayList<>();
        private final LongColumn.Builder rows;

        Builder(Function<T, K> keyOf) {
            this(keyOf, 16);
        }

        /** @param capacity the rows expected, as for {@link LongColumn.Builder#Builder(int)} */
        Builder(Function<T, K> keyOf, int capacity) {
            this.keyOf = keyOf;
            this.rows = new LongColumn.Builder(capacity);
        }

        /** A builder of values that are their own key, such as strings. */
        static <T> Builder<T, T> ofValues() {
            return ofValues(16);
        }

        /** A builder of values that are their own key, for about {@code capacity} rows. */
        static <T> Builder<T, T> ofValues(int capacity) {
            return new Builder<>(Function.identity(), capacity);
        }

        /** Appends {@code value} (null for none); returns the value kept for it, shared with equal ones. */
        T add(T value) {
            if (value == null) {
                rows.add(MemoryAction.NONE);
                return null;
            }
            int code = codes.computeIfAbsent(keyOf.apply(value), k -> {
                values.add(value);
                return values.size() - 1;
            });
            rows.add(code);
            return values.get(code);
        }

        DictionaryColumn<T> build() {
            return new DictionaryColumn<>(new ArrayList<>(values), rows.build());
        }
    }
}
