package io.shoplens.engine.workspace;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.shoplens.engine.analysis.ResultTable;

/** A result table as the catalog stores it. */
final class StoredTables {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private StoredTables() {
    }

    static String csvOf(ResultTable table) {
        StringWriter csv = new StringWriter();
        try {
            table.writeCsv(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    static ResultTable fromCsv(String name, String csv) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(csv))
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<List<Object>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<Object> values = new ArrayList<>(record.size());
                for (String cell : record) {
                    values.add(valueOf(cell));
                }
                rows.add(values);
            }
            return new ResultTable(name, parser.getHeaderNames(), rows);
        }
    }

    private static Object valueOf(String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        if (INTEGER.matcher(cell).matches()) {
            return Long.parseLong(cell);
        }
        if (DECIMAL.matcher(cell).matches()) {
            return Double.parseDouble(cell);
        }
        return cell;
    }
}
