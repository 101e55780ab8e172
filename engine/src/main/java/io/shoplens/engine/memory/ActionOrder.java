package io.shoplens.engine.memory;

import java.util.Comparator;

/**
 * Actions in the order Spark's {@code sort_array} gives the model's action structs: field by
 * field in struct order (time, file, line, then the rest), a null before any value, lists element
 * by element and then the shorter first. A user funnel's path is its sessions' actions in this
 * order, so ties in time, file and line (actions from two sources) fall as they do on Spark.
 * Unset ids are {@link MemoryAction#NONE}, the smallest long, so they sort first as nulls do.
 */
final class ActionOrder {

    static final Comparator<MemoryAction> SPARK = Comparator.comparingLong(MemoryAction::time)
            .thenComparing(MemoryAction::file, Text.NULLS_FIRST)
            .thenComparingLong(MemoryAction::line)
            .thenComparingInt(MemoryAction::date)
            .thenComparingLong(MemoryAction::userId)
            .thenComparingLong(MemoryAction::pageId)
            .thenComparing(MemoryAction::keyword, Text.NULLS_FIRST)
            .thenComparingLong(MemoryAction::clickCategory)
            .thenComparingLong(MemoryAction::clickProduct)
            .thenComparing(MemoryAction::orderCategories, ActionOrder::compareIds)
            .thenComparing(MemoryAction::orderProducts, ActionOrder::compareIds)
            .thenComparing(MemoryAction::payCategories, ActionOrder::compareIds)
            .thenComparing(MemoryAction::payProducts, ActionOrder::compareIds)
            .thenComparingLong(MemoryAction::cityId)
            .thenComparing(MemoryAction::channel, Text.NULLS_FIRST)
            .thenComparing(MemoryAction::payAmount, Comparator.nullsFirst(ActionOrder::compareDoubles))
            .thenComparingLong(MemoryAction::amountMicros);

    private ActionOrder() {
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
