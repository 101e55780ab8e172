package io.shoplens.engine.gmv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.shoplens.engine.analysis.ResultTable;

/**
 * The gmv_cube table in plain Java, for views that slice without a Spark job: daily totals,
 * breakdowns by any dimension, drill paths ({@link #where}), date ranges ({@link #during}) and
 * the LMDI bridge. Its answers equal the Spark tables of {@link GmvAnalysis}: GMV is summed as
 * {@link BigDecimal} like the analysis sums it as DECIMAL, and the bridge uses the same
 * {@link Lmdi}. Immutable; every slice is a new cube.
 */
public final class GmvCube {

    private record Cell(LocalDate date, EnumMap<GmvDimension, String> values, long sessions, long orders,
                        double gmv) {
    }

    private final List<Cell> cells;

    private GmvCube(List<Cell> cells) {
        this.cells = List.copyOf(cells);
    }

    /** Loads a gmv_cube table (columns found by name). */
    public static GmvCube from(ResultTable cube) {
        int date = cube.columnIndex("date");
        int sessions = cube.columnIndex("sessions");
        int orders = cube.columnIndex("orders");
        int gmv = cube.columnIndex("gmv");
        EnumMap<GmvDimension, Integer> dims = new EnumMap<>(GmvDimension.class);
        for (GmvDimension d : GmvDimension.values()) {
            dims.put(d, cube.columnIndex(d.column()));
        }
        List<Cell> cells = new ArrayList<>();
        for (List<Object> row : cube.rows()) {
            EnumMap<GmvDimension, String> values = new EnumMap<>(GmvDimension.class);
            dims.forEach((d, i) -> values.put(d, (String) row.get(i)));
            cells.add(new Cell((LocalDate) row.get(date), values, ((Number) row.get(sessions)).longValue(),
                    ((Number) row.get(orders)).longValue(), ((Number) row.get(gmv)).doubleValue()));
        }
        return new GmvCube(cells);
    }

    /** The slice where {@code dimension} is {@code value}: one step of a drill path. */
    public GmvCube where(GmvDimension dimension, String value) {
        return filter(c -> c.values().get(dimension).equals(value));
    }

    /** The slice matching every (dimension, value) of a drill path. */
    public GmvCube where(Map<GmvDimension, String> path) {
        GmvCube slice = this;
        for (Map.Entry<GmvDimension, String> step : path.entrySet()) {
            slice = slice.where(step.getKey(), step.getValue());
        }
        return slice;
    }

    /** The slice of sessions attributed to a date in {@code range}. */
    public GmvCube during(DateRange range) {
        return filter(c -> range.contains(c.date()));
    }

    public GmvTotals totals() {
        return sum(cells);
    }

    /** Totals per date, dates ascending. */
    public Map<LocalDate, GmvTotals> daily() {
        return new LinkedHashMap<>(group(Cell::date, new TreeMap<>()));
    }

    /** Totals per value of {@code dimension}, in {@link GmvDimension#valueOrder()}. */
    public Map<String, GmvTotals> breakdown(GmvDimension dimension) {
        return new LinkedHashMap<>(group(c -> c.values().get(dimension), new TreeMap<>(dimension.valueOrder())));
    }

    /** The bridge rows of one dimension: its values, then {@code (total)}. */
    public List<Lmdi.BridgeRow> bridge(GmvDimension dimension, DateRange base, DateRange current) {
        return Lmdi.bridge(dimension.column(), during(base).breakdown(dimension), during(current).breakdown(dimension),
                dimension.valueOrder());
    }

    /** The decomposition of this slice's totals ({@code all}, {@code (total)}). */
    public Lmdi.BridgeRow bridgeTotal(DateRange base, DateRange current) {
        return Lmdi.shop(during(base).totals(), during(current).totals());
    }

    /** This slice as gmv_daily. */
    public ResultTable dailyTable() {
        List<List<Object>> rows = new ArrayList<>();
        daily().forEach((date, t) -> rows.add(withRates(List.of(date), t)));
        return new ResultTable(GmvAnalysis.DAILY, GmvAnalysis.DAILY_COLUMNS, rows);
    }

    /** This slice as gmv_breakdown. */
    public ResultTable breakdownTable() {
        List<List<Object>> rows = new ArrayList<>();
        for (GmvDimension d : GmvDimension.values()) {
            breakdown(d).forEach((value, t) -> rows.add(withRates(List.of(d.column(), value), t)));
        }
        return new ResultTable(GmvAnalysis.BREAKDOWN, GmvAnalysis.BREAKDOWN_COLUMNS, rows);
    }

    /** This slice as gmv_bridge. */
    public ResultTable bridgeTable(DateRange base, DateRange current) {
        List<List<Object>> rows = new ArrayList<>();
        for (GmvDimension d : GmvDimension.values()) {
            bridge(d, base, current).forEach(r -> rows.add(r.values()));
        }
        rows.add(bridgeTotal(base, current).values());
        return new ResultTable(GmvAnalysis.BRIDGE, GmvAnalysis.BRIDGE_COLUMNS, rows);
    }

    private GmvCube filter(Predicate<Cell> keep) {
        return new GmvCube(cells.stream().filter(keep).toList());
    }

    private <K> Map<K, GmvTotals> group(Function<Cell, K> key, Map<K, GmvTotals> into) {
        Map<K, List<Cell>> groups = new LinkedHashMap<>();
        for (Cell c : cells) {
            groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
        }
        groups.forEach((k, group) -> into.put(k, sum(group)));
        return into;
    }

    private static GmvTotals sum(List<Cell> cells) {
        long sessions = 0;
        long orders = 0;
        // Each cell's GMV is a DECIMAL(38,6) sum written as a double; its shortest decimal form
        // is that decimal again (up to 15 significant digits), so adding decimals gives the
        // digits Spark's decimal sum gives, whatever the order of the cells.
        BigDecimal gmv = BigDecimal.ZERO;
        for (Cell c : cells) {
            sessions += c.sessions();
            orders += c.orders();
            gmv = gmv.add(BigDecimal.valueOf(c.gmv()));
        }
        return new GmvTotals(sessions, orders, gmv.doubleValue());
    }

    private static List<Object> withRates(List<Object> keys, GmvTotals t) {
        List<Object> row = new ArrayList<>(keys);
        row.add(t.sessions());
        row.add(t.orders());
        row.add(t.gmv());
        row.add(t.conversion());
        row.add(t.aov());
        return row;
    }
}
