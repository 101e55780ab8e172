package io.shoplens.engine.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * How traffic spreads over the days and hours: quiet nights, a morning rise, a lunch bump and an
 * evening peak around 20:00-21:00, weekends a little busier, each day a little different.
 */
final class TrafficCurve {

    private static final double[] HOUR_WEIGHTS = {
        1.2, 0.7, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 4.0, 5.0, 5.5, 6.0,
        6.5, 5.5, 5.5, 5.8, 6.0, 6.5, 7.5, 9.0, 10.5, 11.0, 8.0, 4.0};

    private TrafficCurve() {
    }

    /** {@code total} split over {@code days × 24} hour cells (index day * 24 + hour), summing exactly. */
    static long[] hourlyCounts(long total, LocalDate start, int days, SplittableRandom random) {
        double[] weights = new double[days * 24];
        for (int d = 0; d < days; d++) {
            DayOfWeek dow = start.plusDays(d).getDayOfWeek();
            double day = (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 1.18 : 1.0)
                    * (0.9 + 0.2 * random.nextDouble());
            for (int h = 0; h < 24; h++) {
                weights[d * 24 + h] = day * HOUR_WEIGHTS[h];
            }
        }
        return apportion(total, weights);
    }

    /** Largest remainder method; equal remainders go to the earlier cell. */
    static long[] apportion(long total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        long[] counts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            counts[i] = (long) Math.floor(exact);
            remainders[i] = exact - counts[i];
            given += counts[i];
        }
        Integer[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -remainders[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        for (int k = 0; given < total; k++, given++) {
            counts[order[k % order.length]]++;
        }
        return counts;
    }
}
