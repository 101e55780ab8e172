package io.shoplens.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.analysis.ResultTable;
import scala.Tuple2;

/**
 * The classic platform's way, for comparison only: whole action rows as an RDD keyed by session,
 * {@code groupByKey}, then plain Java over each session's rows. Session aggregation (visit and
 * step length buckets) and page single-jump conversion (the jumps of a flow) are two jobs, each
 * with its own groupByKey, as the platform's two Spark applications were. Results use the
 * contract of docs/ANALYSES.md (the 0s bucket, the tie-break by source line), so they can be checked
 * against the engine's cell by cell.
 */
final class RddAnalysis {

    static final String[] VISIT_NAMES = {"0s", "1s_3s", "4s_6s", "7s_9s", "10s_30s", "30s_60s", "1m_3m", "3m_10m",
        "10m_30m", "30m"};
    static final long[] VISIT_MAX = {0, 3, 6, 9, 30, 60, 180, 600, 1800, Long.MAX_VALUE};
    static final String[] STEP_NAMES = {"1_3", "4_6", "7_9", "10_30", "30_60", "60"};
    static final long[] STEP_MAX = {3, 6, 9, 30, 60, Long.MAX_VALUE};

    private RddAnalysis() {
    }

    private static JavaPairRDD<String, Iterable<Row>> bySession(Dataset<Row> actions) {
        return actions.javaRDD().mapToPair(row -> new Tuple2<>(row.<String>getAs("session_id"), row)).groupByKey();
    }

    /** visit_length and step_length, as the engine's sessions analysis names them. */
    static List<ResultTable> sessions(Dataset<Row> actions) {
        JavaRDD<int[]> buckets = bySession(actions).map(session -> {
            LocalDateTime first = null;
            LocalDateTime last = null;
            long steps = 0;
            for (Row row : session._2()) {
                LocalDateTime t = row.getAs("action_time");
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
                steps++;
            }
            return new int[] {bucket(Duration.between(first, last).getSeconds(), VISIT_MAX),
                bucket(steps, STEP_MAX)};
        });
        Map<Integer, Long> visits = buckets.map(b -> b[0]).countByValue();
        Map<Integer, Long> steps = buckets.map(b -> b[1]).countByValue();
        return List.of(distribution("visit_length", VISIT_NAMES, visits),
                distribution("step_length", STEP_NAMES, steps));
    }

    /** page_jumps of {@code flow}: adjacent actions in session order (time, then source file and line). */
    static ResultTable pageJumps(Dataset<Row> actions, List<Long> flow) {
        List<String> wanted = new ArrayList<>();
        for (int i = 0; i + 1 < flow.size(); i++) {
            wanted.add(flow.get(i) + "_" + flow.get(i + 1));
        }
        Map<String, Long> jumps = bySession(actions).flatMap(session -> {
            List<Row> rows = new ArrayList<>();
            session._2().forEach(rows::add);
            rows.sort(Comparator.<Row, LocalDateTime>comparing(r -> r.getAs("action_time"))
                    .thenComparing(r -> r.<String>getAs("source_file"), Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(r -> r.<Long>getAs("source_line"), Comparator.nullsFirst(Comparator.naturalOrder())));
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i + 1 < rows.size(); i++) {
                Object from = rows.get(i).getAs("page_id");
                Object to = rows.get(i + 1).getAs("page_id");
                if (from != null && to != null && wanted.contains(from + "_" + to)) {
                    pairs.add(from + "_" + to);
                }
            }
            return pairs.iterator();
        }).countByValue();
        long first = flow.get(0);
        long views = actions.javaRDD().filter(r -> r.getAs("page_id") != null && r.<Long>getAs("page_id") == first)
                .count();
        List<List<Object>> rows = new ArrayList<>();
        Long previous = null;
        for (int i = 0; i + 1 < flow.size(); i++) {
            long n = jumps.getOrDefault(wanted.get(i), 0L);
            long stepBase = previous == null ? views : previous;
            rows.add(java.util.Arrays.asList((long) i + 1, flow.get(i), flow.get(i + 1), n,
                    stepBase == 0 ? null : (double) n / stepBase, views == 0 ? null : (double) n / views));
            previous = n;
        }
        return new ResultTable("page_jumps",
                List.of("step", "from_page", "to_page", "jumps", "step_rate", "cumulative_rate"), rows);
    }

    private static int bucket(long value, long[] maxima) {
        for (int i = 0; i < maxima.length; i++) {
            if (value <= maxima[i]) {
                return i;
            }
        }
        throw new IllegalArgumentException("no bucket for " + value);
    }

    private static ResultTable distribution(String name, String[] names, Map<Integer, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            long n = counts.getOrDefault(i, 0L);
            rows.add(java.util.Arrays.asList(names[i], n, total == 0 ? null : (double) n / total));
        }
        return new ResultTable(name, List.of("bucket", "sessions", "ratio"), rows);
    }
}
