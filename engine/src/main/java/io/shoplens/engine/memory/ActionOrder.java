package io.shoplens.engine.memory;

import java.util.Comparator;

import io.shoplens.engine.text.Text;

/**
 * Actions in the order Spark's {@code sort_array} gives the model's action structs: field by
 * field in struct order (time, file, line, then the rest), a null before any value, lists element
 * by element and then the shorter first. A user funnel's path is its sessions' actions in this
 * order, so ties in time, file and line (actions from two sources) fall as they do on Spark.
 * Unset ids are {@link MemoryAction#NONE}, the smallest long, so they sort first as nulls do.
 */
final class ActionOrder {

    private ActionOrder() {
    }

    /** The order of rows of {@code c}, by their actions. */
    static Comparator<Integer> of(ActionColumns c) {
        return Comparator.<Integer>comparingLong(c::time)
                .thenComparing(c::file, Text.NULLS_FIRST)
                .thenComparingLong(c::line)
                .thenComparingInt(c::date)
                .thenComparingLong(c::userId)
                .thenComparingLong(c::pageId)
                .thenComparing(c::keyword, Text.NULLS_FIRST)
                .thenComparingLong(c::clickCategory)
                .thenComparingLong(c::clickProduct)
                .thenComparing(c::orderCategories, ActionOrder::compareIds)
                .thenComparing(c::orderProducts, ActionOrder::compareIds)
                .thenComparing(c::payCategories, ActionOrder::compareIds)
                .thenComparing(c::payProducts, ActionOrder::compareIds)
                .thenComparingLong(c::cityId)
                .thenComparing(c::channel, Text.NULLS_FIRST)
                .thenComparing(c::payAmount, Comparator.nullsFirst(ActionOrder::compareDoubles))
                .thenComparingLong(c::amountMicros);
    }

    static int compareIds(long[] a, long[] b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = Long.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /** Spark's double order: -0.0 equals 0.0, NaN above everything (Double.compare would split the zeros). */
    static int compareDoubles(Double a, Double b) {
        return a.doubleValue() == b.doubleValue() ? 0 : Double.compare(a, b);
    }
}
