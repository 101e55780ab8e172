package io.shoplens.engine.funnel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.gmv.GmvDimension;
import io.shoplens.engine.sessions.SessionAnalysis;
import io.shoplens.engine.text.Text;

/** The funnel's tables from its {@link FunnelCounts}, in plain Java (docs/ANALYSES.md, funnel). */
final class FunnelTables {

    static final List<String> STEPS_COLUMNS = List.of("step", "definition", "units", "conversion", "step_conversion",
            "drop_off", "median_seconds", "mean_seconds");
    static final List<String> TIMES_COLUMNS = List.of("step", "bucket", "units");
    static final List<String> BREAKDOWN_COLUMNS = List.of("value", "step", "units", "conversion");
    static final List<String> DROPOFF_COLUMNS = List.of("dropped_after_step", "unit_id");

    private final FunnelParams params;
    private final FunnelCounts counts;
    private final int n;

    FunnelTables(FunnelParams params, FunnelCounts counts) {
        this.params = params;
        this.counts = counts;
        this.n = params.steps().size();
    }

    /**
     * {@code step, definition, units, conversion, step_conversion, drop_off, median_seconds,
     * mean_seconds}: units reaching each step; conversion against step 1, step_conversion against
     * the previous step (none for step 1), drop_off = 1 − step_conversion; the time to convert
     * into the step over the units reaching it (none for step 1).
     */
    ResultTable steps() {
        long[] reaching = FunnelCounts.reaching(counts.unitsPerLevel());
        List<List<Object>> rows = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            Double stepConversion = k == 1 ? null : rate(reaching[k], reaching[k - 1]);
            TreeMap<Long, Long> times = counts.times().getOrDefault(k, new TreeMap<>());
            rows.add(Arrays.asList((long) k, params.steps().get(k - 1).definition(), reaching[k],
                    rate(reaching[k], reaching[1]), stepConversion,
                    stepConversion == null ? null : 1 - stepConversion, lowerMedian(times), mean(times)));
        }
        return new ResultTable(FunnelAnalysis.STEPS, STEPS_COLUMNS, rows);
    }

    /** {@code step, bucket, units}: for each step from 2, units by time to convert, every visit-length bucket listed. */
    ResultTable times() {
        List<List<Object>> rows = new ArrayList<>();
        for (int k = 2; k <= n; k++) {
            TreeMap<Long, Long> times = counts.times().getOrDefault(k, new TreeMap<>());
            for (SessionAnalysis.Bucket bucket : SessionAnalysis.VISIT_LENGTH_BUCKETS) {
                long units = times.subMap(bucket.min(), true, bucket.max(), true).values().stream()
                        .mapToLong(Long::longValue).sum();
                rows.add(List.of((long) k, bucket.name(), units));
            }
        }
        return new ResultTable(FunnelAnalysis.TIMES, TIMES_COLUMNS, rows);
    }

    /**
     * {@code value, step, units, conversion}: the steps per breakdown value, conversion against the
     * value's step 1. Values in code point order (age groups youngest first), then step.
     */
    ResultTable breakdown() {
        Comparator<String> order = params.breakdown().get() == FunnelDimension.AGE_GROUP
                ? GmvDimension.AGE_GROUP.valueOrder() : Text::compare;
        List<String> values = counts.levels().keySet().stream().sorted(order).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (String value : values) {
            long[] reaching = FunnelCounts.reaching(counts.levels().get(value));
            for (int k = 1; k <= n; k++) {
                rows.add(Arrays.asList(value, (long) k, reaching[k], rate(reaching[k], reaching[1])));
            }
        }
        return new ResultTable(FunnelAnalysis.BREAKDOWN, BREAKDOWN_COLUMNS, rows);
    }

    /** {@code dropped_after_step, unit_id}: units whose level is below n, by level, then unit id. */
    ResultTable dropoff() {
        return new ResultTable(FunnelAnalysis.DROPOFF, DROPOFF_COLUMNS, DropoffOrder.rows(counts.drops()));
    }

    ResultTable correlation() {
        long[] reaching = FunnelCounts.reaching(counts.unitsPerLevel());
        long successes = reaching[n];
        long failures = reaching[1] - reaching[n];
        return SignalOdds.table(counts.signals(), successes, failures);
    }

    /** The lower middle of the times: of an even count, the smaller of the two middle ones. */
    static Long lowerMedian(TreeMap<Long, Long> times) {
        long total = times.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long index = (total - 1) / 2;
        long seen = 0;
        for (Map.Entry<Long, Long> e : times.entrySet()) {
            seen += e.getValue();
            if (seen > index) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    static Double mean(TreeMap<Long, Long> times) {
        long total = 0;
        long sum = 0;
        for (Map.Entry<Long, Long> e : times.entrySet()) {
            total += e.getValue();
            sum += e.getKey() * e.getValue();
        }
        return total == 0 ? null : (double) sum / total;
    }

    /** numerator / denominator as an exact double; null when the denominator is 0. */
    static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }
}
