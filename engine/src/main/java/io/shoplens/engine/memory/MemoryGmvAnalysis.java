package io.shoplens.engine.memory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.model.Unknown;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.text.Text;

/**
 * {@link GmvAnalysis} over in-memory sessions: the cube's cells counted here, every table made
 * from them by the same code as the Spark analysis ({@link GmvAnalysis#tablesOf}).
 */
public final class MemoryGmvAnalysis {

    private MemoryGmvAnalysis() {
    }

    public static AnalysisResult run(List<MemorySession> sessions, GmvParams params) {
        Map<Cell, long[]> cells = new HashMap<>();
        for (MemorySession s : sessions) {
            Cell cell = new Cell(s.firstDate(), Unknown.or(s.channel(), GmvAnalysis.UNKNOWN),
                    Unknown.or(s.area(), GmvAnalysis.UNKNOWN_PLACE), Unknown.or(s.cityName(), GmvAnalysis.UNKNOWN_PLACE),
                    Unknown.or(s.sex(), GmvAnalysis.UNKNOWN), Unknown.or(s.professional(), GmvAnalysis.UNKNOWN),
                    ageGroup(s.age()));
            long[] sums = cells.computeIfAbsent(cell, c -> new long[4]);
            sums[0]++;
            sums[1] += s.orders();
            sums[2] = Math.addExact(sums[2], s.gmvMicros());
            sums[3] += s.ordersWithoutAmount();
        }
        Comparator<Cell> order = Comparator.comparingInt(Cell::date)
                .thenComparing(Cell::channel, Text.ORDER).thenComparing(Cell::area, Text.ORDER)
                .thenComparing(Cell::city, Text.ORDER).thenComparing(Cell::sex, Text.ORDER)
                .thenComparing(Cell::professional, Text.ORDER).thenComparing(Cell::ageGroup, Text.ORDER);
        List<List<Object>> rows = new ArrayList<>(cells.size());
        cells.entrySet().stream().sorted(Map.Entry.comparingByKey(order)).forEach(e -> {
            Cell c = e.getKey();
            long[] sums = e.getValue();
            rows.add(Arrays.asList(LocalDate.ofEpochDay(c.date()), c.channel(), c.area(), c.city(), c.sex(),
                    c.professional(), c.ageGroup(), sums[0], sums[1],
                    BigDecimal.valueOf(sums[2], MemoryModel.MONEY_SCALE), sums[3]));
        });
        return GmvAnalysis.tablesOf(rows, params);
    }

    private record Cell(int date, String channel, String area, String city, String sex, String professional,
                        String ageGroup) {
        /**
         * The record's own hash (31 × field + …) put cells of neighbouring days and similar texts
         * in the same buckets; mixed, the map of a day's cells stays flat.
         */
        @Override
        public int hashCode() {
            long h = mix(mix(mix(mix(mix(mix(date, channel), area), city), sex), professional), ageGroup);
            return (int) (h ^ (h >>> 29) ^ (h >>> 47));
        }

        private static long mix(long h, String text) {
            return (h ^ Objects.hashCode(text)) * 0x9E3779B97F4A7C15L;
        }
    }

    /** As {@link GmvAnalysis#ageGroup}: the band of an age, {@code unknown} without one. */
    public static String ageGroup(Integer age) {
        if (age == null) {
            return GmvAnalysis.UNKNOWN;
        }
        if (age < 18) {
            return "<18";
        }
        if (age <= 24) {
            return "18-24";
        }
        if (age <= 34) {
            return "25-34";
        }
        if (age <= 44) {
            return "35-44";
        }
        return age <= 54 ? "45-54" : "55+";
    }
}
