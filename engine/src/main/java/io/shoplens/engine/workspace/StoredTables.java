package io.shoplens.engine.workspace;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.analysis.ResultTable;

/**
 * A result table as the catalog stores it: its schema (each column's name and {@link ColumnType})
 * as JSON, and its rows as CSV in which every non-null value is quoted, so an empty text
 * ({@code ""}) and a null (nothing) stay apart. Read back, each value has the class it had.
 *
 * <p>Tables stored before schemas were (the CSV alone, null and empty text both written as
 * nothing) come back as their text: every value a String, an empty cell null. Their types are not
 * guessed; {@link StoredRun#typed()} tells them apart.
 */
final class StoredTables {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CSVFormat TYPED = CSVFormat.RFC4180.builder().setRecordSeparator("\n")
            .setQuoteMode(QuoteMode.ALL_NON_NULL).get();
    private static final CSVFormat UNTYPED = CSVFormat.RFC4180;

    private StoredTables() {
    }

    /** The table's schema as JSON: {@code [{"name": "bucket", "type": "string"}, …]}. */
    static String schemaOf(ResultTable table) {
        List<Map<String, String>> columns = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            columns.add(Map.of("name", table.columns().get(c), "type", ColumnType.of(table.rows(), c).id()));
        }
        try {
            return JSON.writeValueAsString(columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table's rows as CSV, in the types of {@code schemaOf}, the header holding the column names. */
    static String rowsOf(ResultTable table) {
        List<ColumnType> types = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            types.add(ColumnType.of(table.rows(), c));
        }
        StringWriter csv = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(csv, TYPED)) {
            printer.printRecord(table.columns());
            for (List<Object> row : table.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    cells.add(value == null ? null : types.get(c).format(value));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    /** A stored table; {@code schema} null for one stored before schemas were. */
    static ResultTable read(String name, String schema, String csv) throws IOException {
        if (schema == null) {
            return untyped(name, csv);
        }
        List<Map<String, String>> columns = JSON.readValue(schema, new TypeReference<List<Map<String, String>>>() { });
        List<String> names = columns.stream().map(c -> c.get("name")).toList();
        List<ColumnType> types = columns.stream().map(c -> ColumnType.byId(c.get("type"))).toList();
        List<List<Object>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv))
                .setFormat(TYPED.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (CSVRecord record : parser) {
                List<Object> values = new ArrayList<>(names.size());
                for (int c = 0; c < names.size(); c++) {
                    String cell = record.get(c);
                    values.add(cell == null ? null : types.get(c).parse(cell));
                }
                rows.add(values);
            }
        }
        return new ResultTable(name, names, rows);
    }

    private static ResultTable untyped(String name, String csv) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv))
                .setFormat(UNTYPED.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<List<Object>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<Object> values = new ArrayList<>(record.size());
                for (String cell : record) {
                    values.add(cell.isEmpty() ? null : cell);
                }
                rows.add(values);
            }
            return new ResultTable(name, parser.getHeaderNames(), rows);
        }
    }
}
