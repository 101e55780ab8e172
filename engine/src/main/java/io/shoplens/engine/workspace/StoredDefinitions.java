package io.shoplens.engine.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;

import io.shoplens.engine.logs.LogKind;

/**
 * Reads a reference dataset's stored rows as {@code id → definition}, in plain Java (no Spark job,
 * so the CLI's import can check them): the id and the text of the definition columns. Reference
 * tables are small beside the actions; each is read whole.
 */
final class StoredDefinitions {

    /** One stored row: its id (null when unset) and its definition as a person reads it. */
    record Definition(Long id, String text) {
    }

    @FunctionalInterface
    interface Sink {
        void accept(Definition definition);
    }

    private StoredDefinitions() {
    }

    /** Each row of a dataset of {@code kind} in stored order ({@code parts} by name, rows in file order). */
    static void read(List<InputFile> parts, LogKind kind, Sink sink) throws IOException {
        String idColumn = kind.referenceId().orElseThrow();
        List<String> columns = kind.definitionColumns();
        for (InputFile part : parts) {
            try (ParquetReader<Group> reader = new GroupReader(part).withConf(new Configuration())
                    .build()) {
                Group g;
                while ((g = reader.read()) != null) {
                    String id = value(g, idColumn);
                    List<String> values = new ArrayList<>(columns.size());
                    for (String column : columns) {
                        String v = value(g, column);
                        values.add(v == null ? "∅" : v);
                    }
                    sink.accept(new Definition(id == null ? null : Long.valueOf(id), String.join(" | ", values)));
                }
            }
        }
    }

    private static String value(Group g, String column) {
        GroupType type = g.getType();
        if (!type.containsField(column)) {
            return null;
        }
        int i = type.getFieldIndex(column);
        if (g.getFieldRepetitionCount(i) == 0) {
            return null;
        }
        PrimitiveType t = type.getType(i).asPrimitiveType();
        return switch (t.getPrimitiveTypeName()) {
            case INT32 -> Integer.toString(g.getInteger(i, 0));
            case INT64 -> Long.toString(g.getLong(i, 0));
            case DOUBLE -> Double.toString(g.getDouble(i, 0));
            case FLOAT -> Float.toString(g.getFloat(i, 0));
            case BOOLEAN -> Boolean.toString(g.getBoolean(i, 0));
            default -> g.getBinary(i, 0).toStringUsingUTF8();
        };
    }

    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(InputFile file) {
            super(file);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
