package io.shoplens.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The Markdown tables of a comparison: per step and system the median wall time over the
 * rounds, the ratios between systems, and the peak memory (median of the rounds' peaks).
 */
final class CompareReport {

    static final String SESSIONS_AND_PAGES = "sessions + pages";
    static final List<String> STEPS = List.of(Steps.IMPORT, "sessions", "pages", "products", "ads", "gmv",
            SESSIONS_AND_PAGES, Steps.ALL);

    private CompareReport() {
    }

    static String markdown(List<Steps.Sample> samples) {
        StringBuilder md = new StringBuilder();
        md.append("| step | ShopLens | DuckDB (CSV) | DuckDB (Parquet) | RDD groupByKey | ShopLens / DuckDB CSV"
                + " | ShopLens / DuckDB Parquet | RDD / ShopLens | load avg |\n");
        md.append("|---|---|---|---|---|---|---|---|---|\n");
        for (String step : STEPS) {
            OptionalDouble shop = median(samples, SideBySide.SHOPLENS, step, Steps.Sample::seconds);
            OptionalDouble csv = median(samples, SideBySide.DUCKDB_CSV, step, Steps.Sample::seconds);
            OptionalDouble parquet = median(samples, SideBySide.DUCKDB_PARQUET, step, Steps.Sample::seconds);
            OptionalDouble rdd = median(samples, SideBySide.RDD, step, Steps.Sample::seconds);
            if (step.equals(Steps.ALL)) {
                rdd = OptionalDouble.empty(); // the RDD code computes sessions and pages only
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", step,
                    seconds(shop), seconds(csv), seconds(parquet), seconds(rdd), ratio(shop, csv),
                    ratio(shop, parquet), ratio(rdd, shop), loads(samples, step)));
        }
        md.append("\nPeak memory per step (median over rounds): JVM heap (sum of pool peaks) / process RSS, MB\n\n");
        md.append("| step | ShopLens | DuckDB (CSV) | DuckDB (Parquet) | RDD groupByKey |\n|---|---|---|---|---|\n");
        for (String step : STEPS) {
            if (step.equals(SESSIONS_AND_PAGES)) {
                continue;
            }
            md.append("| ").append(step);
            for (String system : SideBySide.SYSTEMS) {
                OptionalDouble heap = median(samples, system, step, s -> s.heapBytes() / 1048576.0);
                OptionalDouble rss = median(samples, system, step, s -> s.rssBytes() / 1048576.0);
                md.append(" | ").append(heap.isPresent()
                        ? String.format(Locale.ROOT, "%.0f / %.0f", heap.getAsDouble(), rss.getAsDouble()) : "");
            }
            md.append(" |\n");
        }
        return md.toString();
    }

    /**
     * Median over the rounds. The sessions + pages row takes a system's run of just those two
     * where it has one (ShopLens), else the sum of the two parts within each round.
     */
    static OptionalDouble median(List<Steps.Sample> samples, String system, String step,
                                 ToDoubleFunction<Steps.Sample> value) {
        List<Double> values = new ArrayList<>();
        int rounds = samples.stream().mapToInt(Steps.Sample::repeat).max().orElse(0);
        for (int r = 1; r <= rounds; r++) {
            int round = r;
            List<Steps.Sample> mine = samples.stream().filter(s -> s.system().equals(system) && s.repeat() == round)
                    .toList();
            Optional<Steps.Sample> own = mine.stream().filter(s -> s.step().equals(step)).findFirst();
            if (own.isPresent()) {
                values.add(value.applyAsDouble(own.get()));
            } else if (step.equals(SESSIONS_AND_PAGES)) {
                List<Steps.Sample> parts = mine.stream()
                        .filter(s -> s.step().equals("sessions") || s.step().equals("pages")).toList();
                if (parts.size() == 2) {
                    values.add(parts.stream().mapToDouble(value).sum());
                }
            }
        }
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }

    private static String seconds(OptionalDouble s) {
        return s.isPresent() ? String.format(Locale.ROOT, "%.2f s", s.getAsDouble()) : "";
    }

    private static String ratio(OptionalDouble a, OptionalDouble b) {
        return a.isPresent() && b.isPresent() && b.getAsDouble() > 0
                ? String.format(Locale.ROOT, "%.2f×", a.getAsDouble() / b.getAsDouble()) : "";
    }

    private static String loads(List<Steps.Sample> samples, String step) {
        double[] loads = samples.stream().filter(s -> s.step().equals(step)).mapToDouble(Steps.Sample::load)
                .filter(l -> l >= 0).toArray();
        if (loads.length == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f–%.1f", Arrays.stream(loads).min().getAsDouble(),
                Arrays.stream(loads).max().getAsDouble());
    }
}
