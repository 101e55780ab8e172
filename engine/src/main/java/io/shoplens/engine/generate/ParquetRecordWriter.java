package io.shoplens.engine.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import io.shoplens.engine.logs.LogKind;

/**
 * One Parquet file per kind, columns named as the source columns: ids int64, age int32, amounts
 * double, everything else (dates and times too, in the text formats' layout, as the platform's
 * Hive tables store them) UTF-8 strings; unset values are nulls. Written through parquet-hadoop's
 * example object model onto a plain local file, so no Hadoop file system (and no .crc files).
 */
final class ParquetRecordWriter implements RecordWriter {

    private final ParquetWriter<Group> writer;
    private final SimpleGroupFactory groups;
    private final List<String> columns;
    private final LogColumns.Type[] types;

    ParquetRecordWriter(Path file, LogKind kind) throws IOException {
        this.columns = LogColumns.of(kind);
        this.types = columns.stream().map(c -> LogColumns.typeOf(kind, c)).toArray(LogColumns.Type[]::new);
        MessageType schema = schemaOf(kind);
        this.groups = new SimpleGroupFactory(schema);
        this.writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withType(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    static MessageType schemaOf(LogKind kind) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (String column : LogColumns.of(kind)) {
            switch (LogColumns.typeOf(kind, column)) {
                case LONG -> message.optional(PrimitiveTypeName.INT64).named(column);
                case INT -> message.optional(PrimitiveTypeName.INT32).named(column);
                case DOUBLE -> message.optional(PrimitiveTypeName.DOUBLE).named(column);
                case STRING -> message.optional(PrimitiveTypeName.BINARY)
                        .as(LogicalTypeAnnotation.stringType()).named(column);
            }
        }
        return message.named(kind.id());
    }

    @Override
    public void write(Object[] row) throws IOException {
        Group group = groups.newGroup();
        for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (value == null) {
                continue;
            }
            String name = columns.get(i);
            switch (types[i]) {
                case LONG -> group.append(name, (Long) value);
                case INT -> group.append(name, (Integer) value);
                case DOUBLE -> group.append(name, (Double) value);
                case STRING -> group.append(name, value.toString());
            }
        }
        writer.write(group);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
