package io.shoplens.engine.gmv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shoplens.engine.analysis.ResultTable;

/**
 * The gmv_cube table in plain Java, for views that slice without a Spark job: daily totals,
 * breakdowns by any dimension, drill paths ({@link #where}), date ranges ({@link #during}) and
 * the LMDI bridge. {@link GmvAnalysis} makes its daily, breakdown and bridge tables with it too,
 * so the explorer and the analysis cannot disagree. GMV is summed exactly, in whole millionths,
 * as the cube's cells were summed as DECIMAL(38,6). Immutable; every slice is a new cube over the
 * same cells.
 */
public final class GmvCube {

    /**
     * The cells, column by column, shared by every slice: each dimension's values and each
     * date as codes into sorted dictionaries, GMV as whole millionths. A slice is only the
     * indices of its cells, so slicing and summing are loops over int and long arrays: a cube
     * of 100,000 cells answers a whole explorer view in milliseconds (docs/BENCHMARKS.md).
     */
    private record Columns(LocalDate[] dates, int[] date, String[][] dictionaries, Map<String, Integer>[] codes,
                           int[][] values, long[] sessions, long[] orders, long[] gmvMicros) {
    }

    private static final GmvDimension[] DIMENSIONS = GmvDimension.values();
    private static final int MONEY_SCALE = 6;

    private final Columns columns;
    private final int[] rows;

    private GmvCube(Columns columns, int[] rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** Loads a gmv_cube table (columns found by name; GMV a double, or the exact BigDecimal sum). */
    @SuppressWarnings("unchecked")
    public static GmvCube from(ResultTable cube) {
        int n = cube.rows().size();
        int dateColumn = cube.columnIndex("date");
        LocalDate[] dates = cube.rows().stream().map(r -> (LocalDate) r.get(dateColumn)).distinct().sorted()
                .toArray(LocalDate[]::new);
        Map<LocalDate, Integer> dateCodes = new HashMap<>();
        for (int i = 0; i < dates.length; i++) {
            dateCodes.put(dates[i], i);
        }
        String[][] dictionaries = new String[DIMENSIONS.length][];
        Map<String, Integer>[] codes = new Map[DIMENSIONS.length];
        int[][] values = new int[DIMENSIONS.length][n];
        for (GmvDimension d : DIMENSIONS) {
            int column = cube.columnIndex(d.column());
            // Distinct values first, then sort those few: the value order compares code points,
            // too slow to run on every cell.
            Set<String> seen = new HashSet<>();
            cube.rows().forEach(r -> seen.add((String) r.get(column)));
            List<String> distinct = new ArrayList<>(seen);
            distinct.sort(d.valueOrder());
            dictionaries[d.ordinal()] = distinct.toArray(String[]::new);
            Map<String, Integer> code = new HashMap<>();
            for (String value : distinct) {
                code.put(value, code.size());
            }
            codes[d.ordinal()] = code;
            for (int i = 0; i < n; i++) {
                values[d.ordinal()][i] = code.get((String) cube.rows().get(i).get(column));
            }
        }
        int sessionsColumn = cube.columnIndex("sessions");
        int ordersColumn = cube.columnIndex("orders");
        int gmvColumn = cube.columnIndex("gmv");
        int[] date = new int[n];
        long[] sessions = new long[n];
        long[] orders = new long[n];
        long[] gmv = new long[n];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            List<Object> row = cube.rows().get(i);
            date[i] = dateCodes.get((LocalDate) row.get(dateColumn));
            sessions[i] = ((Number) row.get(sessionsColumn)).longValue();
            orders[i] = ((Number) row.get(ordersColumn)).longValue();
            gmv[i] = micros((Number) row.get(gmvColumn));
            all[i] = i;
        }
        return new GmvCube(new Columns(dates, date, dictionaries, codes, values, sessions, orders, gmv), all);
    }

    /** The slice where {@code dimension} is {@code value}: one step of a drill path. */
    public GmvCube where(GmvDimension dimension, String value) {
        return whereAny(dimension, Set.of(value));
    }

    /** The slice matching every (dimension, value) of a drill path. */
    public GmvCube where(Map<GmvDimension, String> path) {
        GmvCube slice = this;
        for (Map.Entry<GmvDimension, String> step : path.entrySet()) {
            slice = slice.where(step.getKey(), step.getValue());
        }
        return slice;
    }

    /** The slice where {@code dimension} is one of {@code values} (e.g. the paid channels). */
    public GmvCube whereAny(GmvDimension dimension, Collection<String> values) {
        return keep(dimension, values, true);
    }

    /** The slice where {@code dimension} is none of {@code values} (e.g. the free channels). */
    public GmvCube whereNone(GmvDimension dimension, Collection<String> values) {
        return keep(dimension, values, false);
    }

    /** The slice of sessions attributed to a date in {@code range}. */
    public GmvCube during(DateRange range) {
        int from = firstDateCode(range.from(), false);
        int to = firstDateCode(range.to(), true) - 1;
        int[] date = columns.date();
        int[] kept = new int[rows.length];
        int n = 0;
        for (int row : rows) {
            int d = date[row];
            if (d >= from && d <= to) {
                kept[n++] = row;
            }
        }
        return new GmvCube(columns, Arrays.copyOf(kept, n));
    }

    /** The first and the last date of this slice, or empty when it has no cells. */
    public Optional<DateRange> dates() {
        if (rows.length == 0) {
            return Optional.empty();
        }
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int row : rows) {
            min = Math.min(min, columns.date()[row]);
            max = Math.max(max, columns.date()[row]);
        }
        return Optional.of(new DateRange(columns.dates()[min], columns.dates()[max]));
    }

    /** The values {@code dimension} takes in this slice, in {@link GmvDimension#valueOrder()}. */
    public List<String> values(GmvDimension dimension) {
        return List.copyOf(breakdown(dimension).keySet());
    }

    public GmvTotals totals() {
        long sessions = 0;
        long orders = 0;
        long gmv = 0;
        for (int row : rows) {
            sessions += columns.sessions()[row];
            orders += columns.orders()[row];
            gmv = Math.addExact(gmv, columns.gmvMicros()[row]);
        }
        return new GmvTotals(sessions, orders, money(gmv));
    }

    /** Totals per date, dates ascending. */
    public Map<LocalDate, GmvTotals> daily() {
        return group(columns.date(), columns.dates());
    }

    /** Totals per value of {@code dimension}, in {@link GmvDimension#valueOrder()}. */
    public Map<String, GmvTotals> breakdown(GmvDimension dimension) {
        return group(columns.values()[dimension.ordinal()], columns.dictionaries()[dimension.ordinal()]);
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

    private GmvCube keep(GmvDimension dimension, Collection<String> values, boolean matching) {
        Map<String, Integer> code = columns.codes()[dimension.ordinal()];
        boolean[] wanted = new boolean[code.size()];
        for (String value : values) {
            Integer c = code.get(value);
            if (c != null) {
                wanted[c] = true;
            }
        }
        int[] valueOf = columns.values()[dimension.ordinal()];
        int[] kept = new int[rows.length];
        int n = 0;
        for (int row : rows) {
            if (wanted[valueOf[row]] == matching) {
                kept[n++] = row;
            }
        }
        return new GmvCube(columns, Arrays.copyOf(kept, n));
    }

    /** Index of the first date after {@code date} (when {@code after}) or not before it. */
    private int firstDateCode(LocalDate date, boolean after) {
        int i = Arrays.binarySearch(columns.dates(), date);
        if (i >= 0) {
            return after ? i + 1 : i;
        }
        return -i - 1;
    }

    /** Sums per code of {@code keys}; codes follow the dictionary's order, so the map does too. */
    private <K> Map<K, GmvTotals> group(int[] keys, K[] dictionary) {
        int size = dictionary.length;
        long[] sessions = new long[size];
        long[] orders = new long[size];
        long[] gmv = new long[size];
        boolean[] seen = new boolean[size];
        for (int row : rows) {
            int k = keys[row];
            seen[k] = true;
            sessions[k] += columns.sessions()[row];
            orders[k] += columns.orders()[row];
            gmv[k] = Math.addExact(gmv[k], columns.gmvMicros()[row]);
        }
        Map<K, GmvTotals> totals = new LinkedHashMap<>();
        for (int k = 0; k < size; k++) {
            if (seen[k]) {
                totals.put(dictionary[k], new GmvTotals(sessions[k], orders[k], money(gmv[k])));
            }
        }
        return totals;
    }

    /**
     * A cell's GMV is a DECIMAL(38,6) sum: the analysis passes that decimal; a gmv_cube table
     * holds it as a double, whose shortest decimal form is that decimal again (up to 15
     * significant digits). Either way whole millionths hold it exactly and their sums are the
     * digits a decimal sum gives, whatever the order of the cells. A long of millionths holds up
     * to 9.2 trillion yuan; beyond that addExact fails loudly.
     */
    private static long micros(Number gmv) {
        BigDecimal exact = gmv instanceof BigDecimal d ? d : BigDecimal.valueOf(gmv.doubleValue());
        return exact.setScale(MONEY_SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    private static double money(long micros) {
        return BigDecimal.valueOf(micros, MONEY_SCALE).doubleValue();
    }

    /** A table row: {@code keys}, then sessions, orders, GMV, conversion and AOV (the live GMV tables' rows too). */
    public static List<Object> withRates(List<Object> keys, GmvTotals t) {
        List<Object> row = new ArrayList<>(keys);
        row.add(t.sessions());
        row.add(t.orders());
        row.add(t.gmv());
        row.add(t.conversion());
        row.add(t.aov());
        return row;
    }
}
