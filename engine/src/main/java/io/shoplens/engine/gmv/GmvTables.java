package io.shoplens.engine.gmv;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shoplens.engine.analysis.ResultTable;

/**
 * gmv_daily, gmv_breakdown and gmv_bridge read back as totals and bridge rows, in the tables'
 * order: what {@link GmvCharts} draws for a result without its cube (a report, an old result).
 */
public final class GmvTables {

    private GmvTables() {
    }

    /** gmv_daily's totals per date. */
    public static Map<LocalDate, GmvTotals> daily(ResultTable daily) {
        Map<LocalDate, GmvTotals> totals = new LinkedHashMap<>();
        int date = daily.columnIndex("date");
        for (List<Object> row : daily.rows()) {
            Object day = row.get(date);
            totals.put(day instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(day)), totals(row, daily));
        }
        return totals;
    }

    /** gmv_breakdown's totals per value of {@code dimension}. */
    public static Map<String, GmvTotals> breakdown(ResultTable breakdown, GmvDimension dimension) {
        Map<String, GmvTotals> totals = new LinkedHashMap<>();
        int column = breakdown.columnIndex("dimension");
        int value = breakdown.columnIndex("value");
        for (List<Object> row : breakdown.rows()) {
            if (dimension.column().equals(row.get(column))) {
                totals.put(String.valueOf(row.get(value)), totals(row, breakdown));
            }
        }
        return totals;
    }

    /** gmv_bridge's row of the whole shop ({@code all}, {@code (total)}), if the result has one. */
    public static Optional<Lmdi.BridgeRow> shop(ResultTable bridge) {
        for (List<Object> row : bridge.rows()) {
            if ("all".equals(row.get(bridge.columnIndex("dimension")))
                    && "(total)".equals(row.get(bridge.columnIndex("value")))) {
                return Optional.of(new Lmdi.BridgeRow("all", "(total)", number(row, bridge, "gmv_base"),
                        number(row, bridge, "gmv_current"), number(row, bridge, "delta"),
                        number(row, bridge, "traffic_effect"), number(row, bridge, "conversion_effect"),
                        number(row, bridge, "aov_effect")));
            }
        }
        return Optional.empty();
    }

    private static GmvTotals totals(List<Object> row, ResultTable table) {
        return new GmvTotals((long) number(row, table, "sessions"), (long) number(row, table, "orders"),
                number(row, table, "gmv"));
    }

    private static double number(List<Object> row, ResultTable table, String column) {
        return row.get(table.columnIndex(column)) instanceof Number n ? n.doubleValue() : 0.0;
    }
}
