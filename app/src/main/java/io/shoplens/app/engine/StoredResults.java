package io.shoplens.app.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

/**
 * Gives a result read back from the catalog the value types a fresh one has, so a view renders
 * the last result exactly as it rendered it when it was computed. The catalog keeps tables as CSV
 * and reads back Long, Double or String ({@code StoredRun}); a fresh result has LocalDate and
 * LocalDateTime for dates and times, and text in text columns even when a value looks like a number.
 */
final class StoredResults {

    /** Text columns of docs/ANALYSES.md whose values can look like numbers (ids lists, one category, a value). */
    private static final Set<String> TEXT_COLUMNS = Set.of("session_id", "search_keywords", "click_category_ids",
            "hour", "minute", "value", "product_name", "cities", "bucket", "area", "area_level", "province", "city",
            "dimension", "product_status");
    /** Lists joined with commas: a session without any is the empty text, which CSV reads back as null. */
    private static final Set<String> JOINED_LISTS = Set.of("search_keywords", "click_category_ids");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final DateTimeFormatter DATE_TIME_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private StoredResults() {
    }

    static AnalysisResult asFresh(AnalysisResult stored) {
        return new AnalysisResult(stored.analysis(), stored.tables().stream().map(StoredResults::asFresh).toList());
    }

    static ResultTable asFresh(ResultTable table) {
        int width = table.columns().size();
        List<List<Object>> rows = new ArrayList<>();
        table.rows().forEach(row -> rows.add(new ArrayList<>(row)));
        for (int c = 0; c < width; c++) {
            String column = table.columns().get(c);
            boolean text = TEXT_COLUMNS.contains(column) || anyString(rows, c);
            if (!text) {
                continue;
            }
            boolean dates = allMatch(rows, c, DATE);
            boolean times = !dates && allMatch(rows, c, DATE_TIME);
            for (List<Object> row : rows) {
                Object value = row.get(c);
                if (value == null) {
                    if (JOINED_LISTS.contains(column)) {
                        row.set(c, "");
                    }
                    continue;
                }
                String cell = ResultTable.format(value);
                row.set(c, dates ? LocalDate.parse(cell) : times ? LocalDateTime.parse(cell, DATE_TIME_FORMAT) : cell);
            }
        }
        return new ResultTable(table.name(), table.columns(), rows);
    }

    private static boolean anyString(List<List<Object>> rows, int c) {
        return rows.stream().anyMatch(r -> r.get(c) instanceof String);
    }

    private static boolean allMatch(List<List<Object>> rows, int c, Pattern pattern) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object value = row.get(c);
            if (value == null) {
                continue;
            }
            if (!(value instanceof String s) || !pattern.matcher(s).matches()) {
                return false;
            }
            any = true;
        }
        return any;
    }
}
