package io.shoplens.engine.memory;

import java.util.Arrays;

/**
 * Per slot (a signal's number, see {@link LongSlots}), the units that did not and did reach the
 * funnel's last step, each unit counted once per slot however often its path shows the signal.
 * Units are told apart by a number the caller gives each one ({@code 1, 2, ...}): a slot remembers
 * the last unit it counted, so no set of the signals seen is made per unit.
 */
final class UnitTally {

    /** Per slot, units without ({@code [2 * slot]}) and with ({@code [2 * slot + 1]}) the last step. */
    private long[] counts = new long[32];
    /** Per slot, the unit that counted last; 0 for none (units are numbered from 1). */
    private int[] lastUnit = new int[16];

    /** Counts {@code unit} at {@code slot} unless it already counted there. */
    void count(int slot, int unit, int reachedLast) {
        if (slot >= lastUnit.length) {
            int length = Math.max(slot + 1, lastUnit.length * 2);
            lastUnit = Arrays.copyOf(lastUnit, length);
            counts = Arrays.copyOf(counts, 2 * length);
        }
        if (lastUnit[slot] != unit) {
            lastUnit[slot] = unit;
            counts[2 * slot + reachedLast]++;
        }
    }

    /** The counts of {@code slot} as {@code FunnelCounts} keeps a signal's: {@code [without, with]}. */
    long[] of(int slot) {
        return slot < lastUnit.length ? new long[] {counts[2 * slot], counts[2 * slot + 1]} : new long[2];
    }
}
