package io.shoplens.engine.memory;

import java.util.Arrays;

/**
 * Counts keyed by a pair of longs, each key with a fixed number of count slots, in open
 * addressing over primitive arrays. The analyses count per action (clicks per product and city,
 * orders per category): at ten million actions a map of boxed keys per action was a third of
 * their time. Keys are numbered in the order they first come.
 */
final class LongPairCounts {

    private final int slots;
    private int size;
    private long[] first = new long[16];
    private long[] second = new long[16];
    private long[] counts;
    /** Key number + 1 per hash place, 0 where free. */
    private int[] places = new int[32];

    /** @param slots how many counts each key has */
    LongPairCounts(int slots) {
        this.slots = slots;
        this.counts = new long[16 * slots];
    }

    /** Adds {@code n} to the key's count in {@code slot}, making the key when new. */
    void add(long a, long b, int slot, long n) {
        // Numbered first: making a key may replace the counts array, which the expression
        // counts[number(..)] would have read before the call.
        int key = number(a, b);
        counts[key * slots + slot] += n;
    }

    /** How many keys there are; they are numbered 0..size()-1. */
    int size() {
        return size;
    }

    long first(int key) {
        return first[key];
    }

    long second(int key) {
        return second[key];
    }

    long count(int key, int slot) {
        return counts[key * slots + slot];
    }

    private int number(long a, long b) {
        int mask = places.length - 1;
        for (int p = hash(a, b) & mask; ; p = (p + 1) & mask) {
            int at = places[p] - 1;
            if (at < 0) {
                return make(p, a, b);
            }
            if (first[at] == a && second[at] == b) {
                return at;
            }
        }
    }

    private int make(int place, long a, long b) {
        if (size == first.length) {
            first = Arrays.copyOf(first, size * 2);
            second = Arrays.copyOf(second, size * 2);
            counts = Arrays.copyOf(counts, size * 2 * slots);
        }
        first[size] = a;
        second[size] = b;
        places[place] = ++size;
        if (size * 2 > places.length) {
            rehash();
        }
        return size - 1;
    }

    private void rehash() {
        places = new int[places.length * 2];
        int mask = places.length - 1;
        for (int k = 0; k < size; k++) {
            int p = hash(first[k], second[k]) & mask;
            while (places[p] != 0) {
                p = (p + 1) & mask;
            }
            places[p] = k + 1;
        }
    }

    /** Neighbouring ids must land far apart: a multiply and a fold spread them over the table. */
    private static int hash(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}
