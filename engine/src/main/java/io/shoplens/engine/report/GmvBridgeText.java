package io.shoplens.engine.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.gmv.GmvTables;
import io.shoplens.engine.gmv.Lmdi;

/**
 * The GMV bridge in words: how much GMV changed between the two periods and how much of that
 * traffic, conversion and average order value explain (the LMDI effects of docs/ANALYSES.md), plus the
 * channel and area values that moved most.
 */
public final class GmvBridgeText {

    private GmvBridgeText() {
    }

    public static Optional<String> of(AnalysisResult gmv, GmvAnalysis.GmvParams params, ReportText words) {
        if (gmv.tables().stream().noneMatch(t -> t.name().equals(GmvAnalysis.BRIDGE))) {
            return Optional.empty();
        }
        ResultTable bridge = gmv.table(GmvAnalysis.BRIDGE);
        Optional<Lmdi.BridgeRow> total = GmvTables.shop(bridge);
        if (total.isEmpty()) {
            return Optional.empty();
        }
        Lmdi.BridgeRow t = total.get();
        double base = t.gmvBase();
        double delta = t.delta();
        // The app's results may come without their parameters: then the periods go unnamed.
        StringBuilder text = new StringBuilder(words.get("gmv.bridge", money(base),
                params.base().map(r -> words.get("gmv.period", r)).orElse(""), money(t.gmvCurrent()),
                params.current().map(r -> words.get("gmv.period", r)).orElse(""), signed(delta),
                base != 0 ? words.get("gmv.percent", signedPercent(delta / base)) : "",
                signed(t.trafficEffect()), signed(t.conversionEffect()), signed(t.aovEffect())));
        for (String dimension : List.of("channel", "area")) {
            List<String> movers = movers(bridge, dimension);
            if (!movers.isEmpty()) {
                text.append(words.get("gmv.movers", words.get("gmv.dimension." + dimension),
                        String.join(words.get("list.separator"), movers)));
            }
        }
        return Optional.of(text.toString());
    }

    /** The three values of {@code dimension} with the largest absolute change; ties by value name. */
    private static List<String> movers(ResultTable bridge, String dimension) {
        List<List<Object>> rows = new ArrayList<>(bridge.rows().stream()
                .filter(r -> dimension.equals(r.get(bridge.columnIndex("dimension")))
                        && !"(total)".equals(r.get(bridge.columnIndex("value"))))
                .toList());
        rows.sort(Comparator.<List<Object>>comparingDouble(r -> -Math.abs(number(r, bridge, "delta")))
                .thenComparing(r -> String.valueOf(r.get(bridge.columnIndex("value")))));
        return rows.stream().limit(3)
                .map(r -> r.get(bridge.columnIndex("value")) + " " + signed(number(r, bridge, "delta"))).toList();
    }

    private static double number(List<Object> row, ResultTable table, String column) {
        return row.get(table.columnIndex(column)) instanceof Number n ? n.doubleValue() : 0.0;
    }

    static String money(double value) {
        return String.format(java.util.Locale.ROOT, "%,.2f", value);
    }

    static String signed(double value) {
        return (value >= 0 ? "+" : "−") + money(Math.abs(value));
    }

    static String signedPercent(double ratio) {
        return (ratio >= 0 ? "+" : "−") + String.format(java.util.Locale.ROOT, "%.1f%%", Math.abs(ratio) * 100);
    }
}
