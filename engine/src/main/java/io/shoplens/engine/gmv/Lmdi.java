package io.shoplens.engine.gmv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Log-mean Divisia (LMDI) decomposition of a GMV change into traffic, conversion and AOV effects
 * (docs/ANALYSES.md, gmv_bridge): effect_x = L(G₁, G₀)·ln(x₁/x₀), with L the logarithmic mean. As
 * GMV = sessions × conversion × AOV, the three logs add up to ln(G₁/G₀), so the effects add up
 * to G₁ − G₀ with no residual. The one place this math lives, for the Spark analysis and the
 * plain-Java {@link GmvCube} alike.
 */
public final class Lmdi {

    public static final String TOTAL = "(total)";
    public static final String ALL = "all";

    /**
     * One bridge row: a value's GMV in both periods, its change and the change's three effects.
     */
    public record BridgeRow(String dimension, String value, double gmvBase, double gmvCurrent, double delta,
                            double trafficEffect, double conversionEffect, double aovEffect) {

        /** The row as gmv_bridge's columns. */
        public List<Object> values() {
            return List.of(dimension, value, gmvBase, gmvCurrent, delta, trafficEffect, conversionEffect, aovEffect);
        }
    }

    private Lmdi() {
    }

    /** L(a, b) = (a − b) / (ln a − ln b), and L(a, a) = a. */
    public static double logMean(double a, double b) {
        return a == b ? a : (a - b) / Math.log(a / b);
    }

    /**
     * The decomposition of one slice. When either period has no positive GMV the logs do not
     * exist; the whole change then counts as traffic (the slice appeared or vanished).
     */
    public static BridgeRow decompose(String dimension, String value, GmvTotals base, GmvTotals current) {
        double g0 = base.gmv();
        double g1 = current.gmv();
        double delta = g1 - g0;
        if (g0 <= 0 || g1 <= 0) {
            return new BridgeRow(dimension, value, g0, g1, delta, delta, 0.0, 0.0);
        }
        double l = logMean(g1, g0);
        return new BridgeRow(dimension, value, g0, g1, delta,
                l * Math.log((double) current.sessions() / base.sessions()),
                l * Math.log(current.conversion() / base.conversion()),
                l * Math.log(current.aov() / base.aov()));
    }

    /**
     * One row per value seen in either period (in {@code order}), then a {@code (total)} row that
     * is their column sums.
     */
    public static List<BridgeRow> bridge(String dimension, Map<String, GmvTotals> base,
                                         Map<String, GmvTotals> current, Comparator<String> order) {
        TreeSet<String> values = new TreeSet<>(order);
        values.addAll(base.keySet());
        values.addAll(current.keySet());
        List<BridgeRow> rows = new ArrayList<>();
        for (String value : values) {
            rows.add(decompose(dimension, value, base.getOrDefault(value, GmvTotals.ZERO),
                    current.getOrDefault(value, GmvTotals.ZERO)));
        }
        rows.add(sum(dimension, rows));
        return rows;
    }

    /** The {@code all}, {@code (total)} row: the decomposition of the shop's totals. */
    public static BridgeRow shop(GmvTotals base, GmvTotals current) {
        return decompose(ALL, TOTAL, base, current);
    }

    private static BridgeRow sum(String dimension, List<BridgeRow> rows) {
        double g0 = 0;
        double g1 = 0;
        double delta = 0;
        double traffic = 0;
        double conversion = 0;
        double aov = 0;
        for (BridgeRow r : rows) {
            g0 += r.gmvBase();
            g1 += r.gmvCurrent();
            delta += r.delta();
            traffic += r.trafficEffect();
            conversion += r.conversionEffect();
            aov += r.aovEffect();
        }
        return new BridgeRow(dimension, TOTAL, g0, g1, delta, traffic, conversion, aov);
    }
}
