package io.shoplens.engine.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one record into fields. For {@code ,} and tab, a field that starts with a double quote is
 * RFC 4180 quoted ({@code ""} is a quote; it may hold line breaks, see {@link RecordReader}). The platform's {@code _} and
 * space forms have no quoting. Hand-written rather than commons-csv because it runs once per line
 * of multi-gigabyte files and must count fields without building records.
 */
public final class FieldSplitter {

    private FieldSplitter() {
    }

    public static List<String> split(String line, char delimiter) {
        boolean quoting = delimiter == ',' || delimiter == '\t';
        List<String> fields = new ArrayList<>(16);
        int i = 0;
        int n = line.length();
        while (true) {
            if (quoting && i < n && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                int j = i + 1;
                boolean closed = false;
                while (j < n) {
                    char c = line.charAt(j);
                    if (c == '"') {
                        if (j + 1 < n && line.charAt(j + 1) == '"') {
                            field.append('"');
                            j += 2;
                            continue;
                        }
                        closed = true;
                        j++;
                        break;
                    }
                    field.append(c);
                    j++;
                }
                int next = line.indexOf(delimiter, j);
                if (!closed || (next != j && j < n)) {
                    // Not a well-formed quoted field: keep its raw text so the value check names it.
                    int end = next < 0 ? n : next;
                    fields.add(line.substring(i, end));
                    if (next < 0) {
                        return fields;
                    }
                    i = next + 1;
                    continue;
                }
                fields.add(field.toString());
                if (j >= n) {
                    return fields;
                }
                i = j + 1;
                continue;
            }
            int next = line.indexOf(delimiter, i);
            if (next < 0) {
                fields.add(line.substring(i));
                return fields;
            }
            fields.add(line.substring(i, next));
            i = next + 1;
        }
    }

    /**
     * The 0-based number of the quoted field that is still open at the end of {@code text} (its
     * record continues on the next line), or -1. Follows {@link #split}: a quote counts only at the
     * start of a field, and text after a closing quote runs raw to the next delimiter.
     */
    static int openQuotedField(CharSequence text, char delimiter) {
        int n = text.length();
        int field = 0;
        int i = 0;
        while (true) {
            int from = i;
            if (i < n && text.charAt(i) == '"') {
                int j = afterClosingQuote(text, i);
                if (j < 0) {
                    return field;
                }
                from = j;
            }
            int next = indexOf(text, delimiter, from);
            if (next < 0) {
                return -1;
            }
            i = next + 1;
            field++;
        }
    }

    /** Where the quoted field opening at {@code quote} ends (just past its closing quote), or -1 if it stays open. */
    private static int afterClosingQuote(CharSequence text, int quote) {
        int n = text.length();
        int j = quote + 1;
        while (j < n) {
            if (text.charAt(j) == '"') {
                if (j + 1 < n && text.charAt(j + 1) == '"') {
                    j += 2; // an escaped quote inside the field
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return -1;
    }

    /** True when every quoted field of {@code text} is closed and its closing quote ends the field. */
    static boolean wellQuoted(CharSequence text, char delimiter) {
        int n = text.length();
        int i = 0;
        while (true) {
            int from = i;
            if (i < n && text.charAt(i) == '"') {
                int j = afterClosingQuote(text, i);
                if (j < 0 || (j < n && text.charAt(j) != delimiter)) {
                    return false;
                }
                from = j;
            }
            int next = indexOf(text, delimiter, from);
            if (next < 0) {
                return true;
            }
            i = next + 1;
        }
    }

    private static int indexOf(CharSequence text, char c, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Fits {@code fields} to {@code width} by giving the surplus to the free-text column {@code
     * free} (joined back with the delimiter), so a keyword or JSON that contains the delimiter
     * stays whole. Returns the fields unchanged when there is no surplus or no free column.
     */
    static List<String> absorb(List<String> fields, int width, int free, char delimiter) {
        int surplus = fields.size() - width;
        if (surplus <= 0 || free < 0 || free >= width) {
            return fields;
        }
        List<String> fitted = new ArrayList<>(width);
        fitted.addAll(fields.subList(0, free));
        fitted.add(String.join(String.valueOf(delimiter), fields.subList(free, free + surplus + 1)));
        fitted.addAll(fields.subList(free + surplus + 1, fields.size()));
        return fitted;
    }
}
