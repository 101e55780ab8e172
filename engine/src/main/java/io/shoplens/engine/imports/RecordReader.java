package io.shoplens.engine.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * Joins the lines of one record: a CSV/TSV quoted field may hold line breaks (RFC 4180), so a line
 * that ends inside an open quoted field continues on the next. A record is numbered by its first
 * line. A quote that does not close properly (followed by the delimiter or the record's end) within {@link #MAX_EXTRA_LINES} further lines (or
 * {@link Sources#MAX_LINE_BYTES} characters, or by the end of the file) is taken for a stray one:
 * that line alone comes back with a {@code problem} and the lines after it are read afresh, so one
 * unbalanced quote cannot swallow the rest of the file.
 */
final class RecordReader {

    /** A record: {@code first}..{@code last} line numbers, its text (lines joined by {@code \n}), null problem if good. */
    record Record(long first, long last, String text, String problem) {
    }

    static final int MAX_EXTRA_LINES = 100;

    /** Where lines come from: a {@link LineReader}, or the sniffer's first lines. */
    @FunctionalInterface
    interface Lines {
        LineReader.Line next() throws IOException;
    }

    private final Lines lines;
    private final char delimiter;
    private final Deque<LineReader.Line> pending = new ArrayDeque<>();

    /** {@code delimiter}: ',' or tab to honour quotes; anything else reads one line per record. */
    RecordReader(Lines lines, char delimiter) {
        this.lines = lines;
        this.delimiter = delimiter == ',' || delimiter == '\t' ? delimiter : 0;
    }

    /** The next record, or null at the end. */
    Record next() throws IOException {
        LineReader.Line first = nextLine();
        if (first == null) {
            return null;
        }
        if (delimiter == 0 || first.problem() != null || FieldSplitter.openQuotedField(first.text(), delimiter) < 0) {
            return new Record(first.number(), first.number(), first.text(), first.problem());
        }
        int field = FieldSplitter.openQuotedField(first.text(), delimiter);
        List<LineReader.Line> taken = new ArrayList<>();
        StringBuilder text = new StringBuilder(first.text());
        String stop;
        while (true) {
            if (taken.size() == MAX_EXTRA_LINES || text.length() > Sources.MAX_LINE_BYTES) {
                stop = "within the next " + taken.size() + " lines";
                break;
            }
            LineReader.Line more = nextLine();
            if (more == null) {
                stop = "by the end of the file";
                break;
            }
            taken.add(more);
            if (more.problem() != null) {
                stop = "before line " + more.number() + ", which cannot be read (" + more.problem() + ")";
                break;
            }
            text.append('\n').append(more.text());
            if (FieldSplitter.openQuotedField(text, delimiter) < 0) {
                if (FieldSplitter.wellQuoted(text, delimiter)) {
                    return new Record(first.number(), more.number(), text.toString(), null);
                }
                // A real multi-line field ends with a quote then the delimiter or the record's end; a
                // quote followed by other text means the first one was stray and this is another line's.
                stop = "properly by line " + more.number() + ", whose closing quote is followed by neither the"
                        + " delimiter nor the end of the line";
                break;
            }
        }
        for (int i = taken.size() - 1; i >= 0; i--) {
            pending.addFirst(taken.get(i));
        }
        return new Record(first.number(), first.number(), first.text(), "field " + (field + 1)
                + " opens a quote that is not closed " + stop + ": a stray '\"'? (quoted fields may span lines)");
    }

    /** The texts of the records in {@code lines} (numbered from 1), for sniffing. */
    static List<String> texts(List<String> lines, char delimiter) {
        Iterator<String> it = lines.iterator();
        long[] number = {0};
        RecordReader reader = new RecordReader(() -> it.hasNext() ? new LineReader.Line(++number[0], it.next(), null) : null,
                delimiter);
        List<String> texts = new ArrayList<>();
        try {
            for (Record r; (r = reader.next()) != null; ) {
                texts.add(r.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // lines from a list cannot fail
        }
        return texts;
    }

    private LineReader.Line nextLine() throws IOException {
        return pending.isEmpty() ? lines.next() : pending.pollFirst();
    }
}
