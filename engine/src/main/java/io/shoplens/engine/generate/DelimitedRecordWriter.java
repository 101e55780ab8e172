package io.shoplens.engine.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.shoplens.engine.logs.LogKind;

/** CSV (RFC 4180 quoting) or TSV with a header row; unset values are empty fields. */
final class DelimitedRecordWriter implements RecordWriter {

    private final CSVPrinter printer;

    private DelimitedRecordWriter(OutputStream out, CSVFormat format) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(writer, format);
    }

    static DelimitedRecordWriter csv(OutputStream out, LogKind kind) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setRecordSeparator("\n")
                .setHeader(LogColumns.of(kind).toArray(String[]::new))
                .get();
        return new DelimitedRecordWriter(out, format);
    }

    /**
     * Tab-separated like a Hive export: no quoting at all, so extend_info's JSON is written as it
     * is. No generated value contains a tab or a line break, and no field starts with a quote, so
     * both quote-aware and plain TSV readers read it the same way.
     */
    static DelimitedRecordWriter tsv(OutputStream out, LogKind kind) throws IOException {
        CSVFormat format = CSVFormat.TDF.builder()
                .setQuote(null)
                .setRecordSeparator("\n")
                .setHeader(LogColumns.of(kind).toArray(String[]::new))
                .get();
        return new DelimitedRecordWriter(out, format);
    }

    @Override
    public void write(Object[] row) throws IOException {
        printer.printRecord(row);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
