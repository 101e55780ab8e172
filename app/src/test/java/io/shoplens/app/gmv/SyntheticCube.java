package io.shoplens.app.gmv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.gmv.GmvAnalysis;

/**
 * A gmv_cube of a made-up shop for benchmarks and screenshots: every day, a seeded random
 * selection of the dimension combinations, with sessions, orders and GMV (cents) that look like
 * a real shop's (display_ad converts worse, recommend sells dearer, weekends bring traffic).
 */
final class SyntheticCube {

    static final List<String> CHANNELS = List.of("search", "recommend", "display_ad", "direct", "social");
    static final List<String> AREAS = List.of("华北", "华东", "华南", "华中", "西南", "西北");
    static final List<List<String>> CITIES = List.of(List.of("北京", "天津"), List.of("上海", "杭州", "南京"),
            List.of("广州", "深圳"), List.of("武汉", "长沙"), List.of("成都", "重庆"), List.of("西安"));
    static final List<String> SEXES = List.of("male", "female", "unknown");
    static final List<String> PROFESSIONALS = List.of("student", "teacher", "engineer", "doctor", "unknown");
    static final List<String> AGES = List.of("<18", "18-24", "25-34", "35-44", "45-54", "55+", "unknown");

    private SyntheticCube() {
    }

    /** About {@code cellsPerDay} cells for each of {@code days} days ending on {@code last}. */
    static ResultTable of(LocalDate last, int days, int cellsPerDay, long seed) {
        Random random = new Random(seed);
        List<List<Object>> rows = new ArrayList<>();
        for (int d = days - 1; d >= 0; d--) {
            LocalDate date = last.minusDays(d);
            boolean weekend = date.getDayOfWeek().getValue() >= 6;
            double trend = 1 + 0.004 * (days - d);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < cellsPerDay; i++) {
                int channel = random.nextInt(CHANNELS.size());
                int area = random.nextInt(AREAS.size());
                List<String> cities = CITIES.get(area);
                String city = cities.get(random.nextInt(cities.size()));
                String sex = SEXES.get(random.nextInt(SEXES.size()));
                String professional = PROFESSIONALS.get(random.nextInt(PROFESSIONALS.size()));
                String age = AGES.get(random.nextInt(AGES.size()));
                String key = channel + city + sex + professional + age;
                if (!seen.add(key)) {
                    continue;
                }
                long sessions = 1 + (long) (random.nextInt(12) * trend * (weekend ? 1.3 : 1.0));
                double rate = switch (CHANNELS.get(channel)) {
                    case "display_ad" -> 0.12;
                    case "recommend" -> 0.34;
                    case "search" -> 0.3;
                    default -> 0.22;
                };
                long orders = 0;
                for (int s = 0; s < sessions; s++) {
                    if (random.nextDouble() < rate) {
                        orders++;
                    }
                }
                double price = CHANNELS.get(channel).equals("recommend") ? 160 : 120;
                long cents = 0;
                for (int o = 0; o < orders; o++) {
                    cents += (long) (price * (0.5 + random.nextDouble()) * 100);
                }
                rows.add(List.of(date, CHANNELS.get(channel), AREAS.get(area), city, sex, professional, age,
                        sessions, orders, cents / 100.0));
            }
        }
        return new ResultTable(GmvAnalysis.CUBE, GmvAnalysis.CUBE_COLUMNS, rows);
    }

    /** gmv_coverage with {@code missing} of {@code orders} pay actions without an amount. */
    static ResultTable coverage(long orders, long missing) {
        return new ResultTable(GmvAnalysis.COVERAGE, List.of("orders", "orders_without_amount"),
                List.of(List.of(orders, missing)));
    }
}
