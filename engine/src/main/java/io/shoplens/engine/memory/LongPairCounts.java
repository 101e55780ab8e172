package io.shoplens.engine.memory;

import java.util.Arrays;

/**
 * Counts keyed by a pair of longs ({@link LongSlots}), each key with a fixed number of count
 * slots in one primitive array: clicks per product and city, orders and pays per category.
 */
final class LongPairCounts {

    private final LongSlots keys = new LongSlots();
    private final int slots;
    private long[] counts;

    /** @param slots how many counts each key has */
    LongPairCounts(int slots) {
        this.slots = slots;
        this.counts = new long[16 * slots];
    }

    /** Adds {@code n} to the key's count in {@code slot}, making the key when new. */
    void add(long a, long b, int slot, long n) {
        int key = keys.slotOf(a, b);
        if ((key + 1) * slots > counts.length) {
            counts = Arrays.copyOf(counts, counts.length * 2);
        }
        counts[key * slots + slot] += n;
    }

    /** How many keys there are; they are numbered 0..size()-1 in the order they first came. */
    int size() {
        return keys.size();
    }

    long first(int key) {
        return keys.key(key);
    }

    long second(int key) {
        return keys.second(key);
    }

    long count(int key, int slot) {
        return counts[key * slots + slot];
    }
}
