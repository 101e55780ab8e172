package io.shoplens.engine.memory;

import java.util.Arrays;

/**
 * Numbers distinct keys 0, 1, 2, ... in the order first seen, so a count per key can live in a
 * plain array indexed by its slot. A key is a {@code long} or a pair of them (a product and a
 * city). The analyses count per action (pages, categories, clicks per product and city, seconds
 * to convert) where a {@code HashMap} boxed each key and cost more than the counting. Any long is
 * a key, {@link MemoryAction#NONE} too.
 */
final class LongSlots {

    /** Open addressing: 0 for an empty entry, else the slot + 1. */
    private int[] table = new int[16];
    /** The keys by slot: the first long and the second (0 for a single key). */
    private long[] firsts = new long[8];
    private long[] seconds = new long[8];
    private int size;

    /** The slot of {@code key}, numbering it when new. */
    int slotOf(long key) {
        return slotOf(key, 0);
    }

    /** The slot of the pair ({@code first}, {@code second}), numbering it when new. */
    int slotOf(long first, long second) {
        int mask = table.length - 1;
        for (int i = hash(first, second) & mask; ; i = (i + 1) & mask) {
            int entry = table[i];
            if (entry == 0) {
                return add(first, second, i);
            }
            if (firsts[entry - 1] == first && seconds[entry - 1] == second) {
                return entry - 1;
            }
        }
    }

    /** Keys numbered so far; their slots are {@code 0..size()-1}. */
    int size() {
        return size;
    }

    /** The key of {@code slot}, or the first of its pair. */
    long key(int slot) {
        return firsts[slot];
    }

    /** The second of the pair in {@code slot}. */
    long second(int slot) {
        return seconds[slot];
    }

    private int add(long first, long second, int at) {
        if (size == firsts.length) {
            firsts = Arrays.copyOf(firsts, size * 2);
            seconds = Arrays.copyOf(seconds, size * 2);
        }
        firsts[size] = first;
        seconds[size] = second;
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
            int i = hash(firsts[slot], seconds[slot]) & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = slot + 1;
        }
    }

    /** Spreads ids that differ only in their high or low bits over the table (Fibonacci hashing, folded). */
    private static int hash(long first, long second) {
        long h = first * 0x9E3779B97F4A7C15L + second * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }
}
