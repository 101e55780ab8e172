package io.shoplens.engine.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shoplens.engine.logs.LogKind;

/** One JSON object per line, field names = column names, numbers as numbers, unset as null. */
final class JsonLinesRecordWriter implements RecordWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Writer out;
    private final List<String> columns;

    JsonLinesRecordWriter(OutputStream out, LogKind kind) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.columns = LogColumns.of(kind);
    }

    @Override
    public void write(Object[] row) throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < row.length; i++) {
            String name = columns.get(i);
            Object value = row[i];
            if (value == null) {
                node.putNull(name);
            } else if (value instanceof Long l) {
                node.put(name, l);
            } else if (value instanceof Integer n) {
                node.put(name, n);
            } else if (value instanceof Double d) {
                node.put(name, d);
            } else {
                node.put(name, value.toString());
            }
        }
        out.write(MAPPER.writeValueAsString(node));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
