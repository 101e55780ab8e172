package io.shoplens.engine.memory;

import java.util.Arrays;

/**
 * Numbers distinct {@code long} keys 0, 1, 2, ... in the order first seen, so a count per key can
 * live in a plain array indexed by its slot. The funnel counts per action (pages, categories,
 * seconds to convert) where a {@code HashMap<Long, ...>} boxed each key and cost more than the
 * counting. Any long is a key, {@link MemoryAction#NONE} too.
 */
final class LongSlots {

    /** Open addressing: 0 for an empty entry, else the slot + 1. */
    private int[] table = new int[16];
    /** The keys by slot. */
    private long[] keys = new long[8];
    private int size;

    /** The slot of {@code key}, numbering it when new. */
    int slotOf(long key) {
        int mask = table.length - 1;
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            int entry = table[i];
            if (entry == 0) {
                return add(key, i);
            }
            if (keys[entry - 1] == key) {
                return entry - 1;
            }
        }
    }

    /** Keys numbered so far; their slots are {@code 0..size()-1}. */
    int size() {
        return size;
    }

    /** The key of {@code slot}. */
    long key(int slot) {
        return keys[slot];
    }

    private int add(long key, int at) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size] = key;
        table[at] = ++size;
        // At most half full, so a miss ends soon.
        if (size * 2 > table.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int slot = 0; slot < size; slot++) {
            int i = hash(keys[slot]) & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = slot + 1;
        }
    }

    /** Spreads ids that differ only in their high or low bits over the table (Fibonacci hashing, folded). */
    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
