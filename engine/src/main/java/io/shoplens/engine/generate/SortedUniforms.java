package io.shoplens.engine.generate;

import java.util.SplittableRandom;

/**
 * {@code n} uniform numbers in [0, 1) drawn in ascending order with constant memory (each next
 * one is the minimum of the remaining ones), so a day's sessions or clicks come out in time order
 * without sorting a list of them.
 */
final class SortedUniforms {

    private final SplittableRandom random;
    private long remaining;
    private double last;

    SortedUniforms(SplittableRandom random, long n) {
        this.random = random;
        this.remaining = n;
    }

    double next() {
        if (remaining <= 0) {
            throw new IllegalStateException("no numbers left");
        }
        double u = 1.0 - random.nextDouble(); // (0, 1]
        last = 1.0 - (1.0 - last) * StrictMath.pow(u, 1.0 / remaining);
        remaining--;
        return Math.min(last, Math.nextDown(1.0));
    }
}
