package io.shoplens.engine.imports;

import java.io.IOException;
import java.util.List;

import io.shoplens.engine.logs.LogKind;

/**
 * Turns one record of a text file into a stored row or a rejection: the one place that decides,
 * so a file parsed in chunks on several threads gives exactly what one pass over it gives.
 * Holds no mutable state; one per thread all the same, as {@link RowParser} is cheap.
 */
final class RecordTyper {

    /** Where a record goes: a row in stored-schema order (source_file and source_line last), or a rejection. */
    interface Out {
        void row(Object[] row) throws IOException;

        void reject(long line, String reason, String text);
    }

    private final String given;
    private final Layout layout;
    private final LogKind kind;
    private final List<String> columns;
    private final RowParser parser;

    /** {@code layout}: null for JSON lines. */
    RecordTyper(String given, Layout layout, LogKind kind) {
        this.given = given;
        this.layout = layout;
        this.kind = kind;
        this.columns = RowParser.sourceColumns(kind);
        this.parser = new RowParser(kind);
    }

    /** Whether the record holds data (a blank one carries no record and is not counted as read). */
    static boolean holdsData(RecordReader.Record record) {
        return record.problem() != null || !record.text().isBlank();
    }

    /** Types a record that {@link #holdsData}. */
    void take(RecordReader.Record record, Out out) throws IOException {
        if (record.problem() != null) {
            out.reject(record.first(), record.problem(), record.text());
            return;
        }
        String[] values;
        if (layout != null) {
            values = layout.values(record.text());
            if (values == null) {
                out.reject(record.first(), layout.countProblem(record.text()), record.text());
                return;
            }
        } else {
            try {
                values = FileImporter.jsonValues(record.text(), columns, kind);
            } catch (RowRejectedException e) {
                out.reject(record.first(), e.getMessage(), record.text());
                return;
            }
        }
        Object[] typed;
        try {
            typed = parser.parse(values);
        } catch (RowRejectedException e) {
            out.reject(record.first(), e.getMessage(), record.text());
            return;
        }
        out.row(FileImporter.stored(typed, given, record.first()));
    }
}
