package io.shoplens.engine.analysis;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A small, collected result table: a name (the CSV file name without {@code .csv}), column names
 * and rows of plain Java values ({@link Long}, {@link Double}, {@link String}, {@link LocalDate},
 * {@link LocalDateTime} or null). Results are thousands of rows at most, so the app and the
 * reports use them without Spark.
 */
public record ResultTable(String name, List<String> columns, List<List<Object>> rows) {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public ResultTable {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
    }

    /** Collects a (small) DataFrame; column names and order are the DataFrame's. */
    public static ResultTable of(String name, Dataset<Row> data) {
        List<String> columns = Arrays.asList(data.columns());
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : data.collectAsList()) {
            List<Object> values = new ArrayList<>(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                values.add(plain(row.get(i)));
            }
            rows.add(Collections.unmodifiableList(values));
        }
        return new ResultTable(name, columns, rows);
    }

    /**
     * {@code small} in the given order, sorted in one partition. For a result table, a few
     * thousand rows: a global {@code orderBy} samples the rows for range bounds (a Spark job of its
     * own) and shuffles them into ranges before sorting, two steps a table this small does not
     * need. Spark's own ordering, so the rows come out as {@code orderBy} puts them.
     */
    public static Dataset<Row> ordered(Dataset<Row> small, Column... order) {
        return small.repartition(1).sortWithinPartitions(order);
    }

    public int columnIndex(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("No column " + column + " in " + name + " " + columns);
        }
        return i;
    }

    public Object value(int row, String column) {
        return rows.get(row).get(columnIndex(column));
    }

    /** Writes the table as RFC 4180 CSV with a header row. */
    public void writeCsv(Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
        // Records are printed into a buffer of our own and handed to the writer in large pieces:
        // printed straight to a Writer, every cell and separator took the writer's lock, which was
        // most of the time of writing a million-action request's tables.
        StringBuilder buffer = new StringBuilder(WRITE_CHUNK + 1024);
        try (CSVPrinter printer = new CSVPrinter(buffer, format)) {
            printer.printRecord(columns);
            for (List<Object> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object value : row) {
                    cells.add(format(value));
                }
                printer.printRecord(cells);
                if (buffer.length() >= WRITE_CHUNK) {
                    out.append(buffer);
                    buffer.setLength(0);
                }
            }
        }
        out.append(buffer);
        out.flush();
    }

    private static final int WRITE_CHUNK = 1 << 16;

    /** A row that may hold nulls (List.of may not), not to be changed. */
    public static List<Object> row(Object... values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    /** How a value is written: doubles exactly (shortest round-trip form, no exponent), empty for null/NaN. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return "";
            }
            if (d == 0.0) {
                return "0.0";  // -0.0 too, as BigDecimal writes it
            }
            // Double.toString is already plain between 10^-3 and 10^7, the values most tables
            // hold; BigDecimal (which starts from the same text) only to write out an exponent.
            String text = Double.toString(d);
            if (text.indexOf('E') < 0) {
                return text;
            }
            String plain = BigDecimal.valueOf(d).toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        if (value instanceof LocalDateTime t) {
            return DATE_TIME.format(t);
        }
        return value.toString();
    }

    /**
     * A Spark or JDBC value as one of the plain values a table holds (Long, Double, String,
     * LocalDate, LocalDateTime or null); the benchmark's DuckDB tables use it too, so both compare.
     */
    public static Object plain(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof java.math.BigInteger b) {
            return b.longValueExact();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof BigDecimal b) {
            return b.doubleValue();
        }
        return value;
    }
}
