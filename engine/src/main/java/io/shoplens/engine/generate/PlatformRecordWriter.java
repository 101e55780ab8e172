package io.shoplens.engine.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.shoplens.engine.logs.LogKind;

/**
 * The classic platform's headerless text: ad clicks space-separated, everything else joined by
 * {@code _} with only the kind's required columns (no channel or pay_amount). Unset click ids are
 * {@code -1}, unset keywords and id lists {@code null}, as the platform wrote them. The format has
 * no quoting, so a separator inside a value would corrupt the line; the last column may hold
 * separators (extend_info's JSON has {@code product_status}), since readers split with a limit.
 */
final class PlatformRecordWriter implements RecordWriter {

    private final Writer out;
    private final LogKind kind;
    private final String separator;
    private final int fields;
    private final List<String> columns;
    private final StringBuilder line = new StringBuilder(256);

    PlatformRecordWriter(OutputStream out, LogKind kind) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.kind = kind;
        this.separator = kind == LogKind.AD_CLICK ? " " : "_";
        this.fields = kind.requiredColumns().size();
        this.columns = LogColumns.of(kind);
    }

    @Override
    public void write(Object[] row) throws IOException {
        line.setLength(0);
        for (int i = 0; i < fields; i++) {
            String text = text(i, row[i]);
            if (i < fields - 1 && text.contains(separator)) {
                throw new IllegalStateException("The platform form cannot hold '" + separator + "' in "
                        + kind.id() + "." + columns.get(i) + ": " + text);
            }
            if (i > 0) {
                line.append(separator);
            }
            line.append(text);
        }
        line.append('\n');
        out.write(line.toString());
    }

    private String text(int column, Object value) {
        if (value != null) {
            return value.toString();
        }
        return LogColumns.typeOf(kind, columns.get(column)) == LogColumns.Type.STRING ? "null" : "-1";
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
