package io.shoplens.engine.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Rows of plain Java values ({@code Object[]} in a Spark schema's column order) written straight
 * to a local Parquet file with parquet-hadoop, no Spark job, in the physical types Spark itself
 * writes for that schema, so Spark reads the files back with the same schema: INT64, BINARY UTF8,
 * INT32 DATE, INT64 TIMESTAMP(MICROS, not adjusted to UTC, which Spark reads as TIMESTAMP_NTZ),
 * INT32, DOUBLE; snappy; every column optional (a null is simply absent). {@link #read} reads
 * such files (and Spark's own) back the same way.
 */
public final class ParquetRows {

    private ParquetRows() {
    }

    /** A writer of rows with every column of {@code schema}; the file must not exist yet. */
    public static ParquetWriter<Object[]> writer(Path file, StructType schema, long rowGroupBytes) throws IOException {
        return writer(file, messageType(schema, IntStream.range(0, schema.size()).toArray()),
                IntStream.range(0, schema.size()).toArray(), rowGroupBytes);
    }

    /** The Parquet schema of {@code schema}'s columns at {@code fields} (a row's indexes), in that order. */
    public static MessageType messageType(StructType schema, int[] fields) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (int i : fields) {
            message.addField(parquetType(schema.fields()[i]));
        }
        return message.named("spark_schema");
    }

    /** A writer of the row values at {@code fields} (a row's indexes) as the columns of {@code fileSchema}. */
    public static ParquetWriter<Object[]> writer(Path file, MessageType fileSchema, int[] fields, long rowGroupBytes)
            throws IOException {
        return writer(file, fileSchema, fields, rowGroupBytes, Set.of());
    }

    /**
     * As above, with the columns {@code distinct} (whose values rarely repeat, such as a line
     * number or a time) written plainly: a dictionary of them only grows until it is given up,
     * and keeping it was the largest part of writing a 4M-action log (docs/BENCHMARKS.md).
     */
    public static ParquetWriter<Object[]> writer(Path file, MessageType fileSchema, int[] fields, long rowGroupBytes,
                                                 Set<String> distinct) throws IOException {
        Builder builder = new Builder(new LocalOutputFile(file), new RowWriteSupport(fileSchema, fields))
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize(rowGroupBytes);
        for (String column : distinct) {
            builder = builder.withDictionaryEncoding(column, false);
        }
        return builder.build();
    }

    /**
     * Reads every row of {@code file} as values in {@code schema}'s column order, in the Java types
     * {@link #writer} takes; a column the file does not have is null.
     */
    public static void read(Path file, StructType schema, Consumer<Object[]> rows) throws IOException {
        try (ParquetReader<Group> reader = new ReaderBuilder(new LocalInputFile(file)).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                Object[] row = new Object[schema.size()];
                GroupType type = g.getType();
                for (int i = 0; i < row.length; i++) {
                    StructField f = schema.fields()[i];
                    if (type.containsField(f.name()) && g.getFieldRepetitionCount(f.name()) > 0) {
                        row[i] = value(g, type.getFieldIndex(f.name()), f.dataType());
                    }
                }
                rows.accept(row);
            }
        }
    }

    private static Object value(Group g, int field, DataType t) {
        if (t.equals(DataTypes.LongType)) {
            return g.getLong(field, 0);
        }
        if (t.equals(DataTypes.IntegerType)) {
            return g.getInteger(field, 0);
        }
        if (t.equals(DataTypes.DoubleType)) {
            return g.getDouble(field, 0);
        }
        if (t.equals(DataTypes.StringType)) {
            return g.getString(field, 0);
        }
        if (t.equals(DataTypes.DateType)) {
            return LocalDate.ofEpochDay(g.getInteger(field, 0));
        }
        if (t.equals(DataTypes.TimestampNTZType)) {
            long micros = g.getLong(field, 0);
            return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    (int) Math.floorMod(micros, 1_000_000L) * 1_000, ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("No Java form for " + t);
    }

    private static final class ReaderBuilder extends ParquetReader.Builder<Group> {
        ReaderBuilder(InputFile file) {
            super(file);
        }

        @Override
        protected ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }

    private static Type parquetType(StructField f) {
        DataType t = f.dataType();
        if (t.equals(DataTypes.LongType)) {
            return Types.optional(PrimitiveTypeName.INT64).named(f.name());
        }
        if (t.equals(DataTypes.IntegerType)) {
            return Types.optional(PrimitiveTypeName.INT32).named(f.name());
        }
        if (t.equals(DataTypes.DoubleType)) {
            return Types.optional(PrimitiveTypeName.DOUBLE).named(f.name());
        }
        if (t.equals(DataTypes.StringType)) {
            return Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f.name());
        }
        if (t.equals(DataTypes.DateType)) {
            return Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(f.name());
        }
        if (t.equals(DataTypes.TimestampNTZType)) {
            return Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(f.name());
        }
        throw new IllegalArgumentException("No Parquet form for " + t + " (" + f.name() + ")");
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final RowWriteSupport support;

        Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return support;
        }
    }

    /** Writes Object[] rows field by field; nulls are simply absent (all fields optional). */
    private static final class RowWriteSupport extends WriteSupport<Object[]> {
        private final MessageType schema;
        private final int[] fields;
        private RecordConsumer out;

        RowWriteSupport(MessageType schema, int[] fields) {
            this.schema = schema;
            this.fields = fields;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Object[] row) {
            out.startMessage();
            for (int i = 0; i < fields.length; i++) {
                Object v = row[fields[i]];
                if (v == null) {
                    continue;
                }
                String name = schema.getFieldName(i);
                out.startField(name, i);
                if (v instanceof Long l) {
                    out.addLong(l);
                } else if (v instanceof Integer n) {
                    out.addInteger(n);
                } else if (v instanceof Double d) {
                    out.addDouble(d);
                } else if (v instanceof String s) {
                    out.addBinary(Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8)));
                } else if (v instanceof LocalDate date) {
                    out.addInteger((int) date.toEpochDay());
                } else if (v instanceof LocalDateTime t) {
                    out.addLong(t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000);
                } else {
                    throw new IllegalArgumentException("Cannot store " + v.getClass() + " in " + name);
                }
                out.endField(name, i);
            }
            out.endMessage();
        }
    }
}
