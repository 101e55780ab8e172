package io.shoplens.engine.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shoplens.engine.analysis.CategoryNames;
import io.shoplens.engine.analysis.ResultTable;

/**
 * A result table as a report prints it: cells already formatted for reading (rates as percent,
 * money with two decimals; the CSV output keeps the exact doubles), and at most a sensible number
 * of rows, with how many more there are.
 */
public record ReportTable(String name, String caption, List<String> columns, List<List<String>> rows, int moreRows) {

    /** Rows a report prints of one table; the rest is in the CSV output. */
    public static final int DEFAULT_MAX_ROWS = 25;

    private static final Set<String> PERCENT_COLUMNS = Set.of("ratio", "rate", "step_rate", "cumulative_rate",
            "conversion", "step_conversion", "drop_off", "share", "lapse_rate", "free_share");
    private static final Set<String> MONEY_COLUMNS = Set.of("gmv", "aov", "gmv_base", "gmv_current", "delta",
            "traffic_effect", "conversion_effect", "aov_effect", "monetary", "gmv_free");

    public ReportTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    public static ReportTable of(ResultTable table, String caption, int maxRows) {
        return of(table, caption, maxRows, Map.of());
    }

    /** @param categoryNames category_info's names: a {@code category_id} reads "name (id)" where one is known */
    public static ReportTable of(ResultTable table, String caption, int maxRows, Map<Long, String> categoryNames) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : table.rows().subList(0, Math.min(maxRows, table.rows().size()))) {
            List<String> cells = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                String column = table.columns().get(i);
                cells.add(column.equals("category_id") && row.get(i) != null
                        ? CategoryNames.label(row.get(i), categoryNames) : cell(column, row.get(i)));
            }
            rows.add(cells);
        }
        return new ReportTable(table.name(), caption, table.columns(), rows,
                Math.max(0, table.rows().size() - maxRows));
    }

    /** How a report shows one value of {@code column}: deterministic, locale-independent. */
    static String cell(String column, Object value) {
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "";
            }
            if (PERCENT_COLUMNS.contains(column)) {
                return decimal(d * 100, 2) + "%";
            }
            if (MONEY_COLUMNS.contains(column)) {
                return decimal(d, 2);
            }
            return decimal(d, 4);
        }
        return ResultTable.format(value);
    }

    /** Rounded half-up to {@code digits}, trailing zeros kept for money, trimmed otherwise. */
    static String decimal(double value, int digits) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(digits, RoundingMode.HALF_UP);
        if (digits == 2) {
            return rounded.toPlainString();
        }
        String text = rounded.stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }
}
