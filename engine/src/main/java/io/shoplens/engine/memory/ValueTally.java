package io.shoplens.engine.memory;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Units per value of one attribute (a user's sex, age, a session's channel) that did not and did
 * reach the funnel's last step, for signals named once at the end. Such values are few, so the
 * first few seen are looked for by {@code equals} before the map is asked: a hash look-up per
 * attribute and unit was a tenth of the funnel's CPU, as a user's sex or profession is a string of
 * its own per user, hashed afresh for each (the same object, as channels are, is found at once).
 *
 * @param <K> the values; null is one
 */
final class ValueTally<K> {

    /** Values looked for before the map, the first ones seen. */
    private static final int SCANNED = 8;

    private final Map<K, long[]> counts = new HashMap<>();
    private final Object[] scannedValues = new Object[SCANNED];
    private final long[][] scannedCounts = new long[SCANNED][];
    private int scanned;

    void count(K value, int reachedLast) {
        for (int i = 0; i < scanned; i++) {
            if (Objects.equals(scannedValues[i], value)) {
                scannedCounts[i][reachedLast]++;
                return;
            }
        }
        long[] units = counts.computeIfAbsent(value, v -> new long[2]);
        if (scanned < SCANNED) {
            scannedValues[scanned] = value;
            scannedCounts[scanned++] = units;
        }
        units[reachedLast]++;
    }

    /** Each value with its {@code [without, with]} counts. */
    void forEach(BiConsumer<K, long[]> each) {
        counts.forEach(each);
    }
}
