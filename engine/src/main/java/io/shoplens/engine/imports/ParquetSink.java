package io.shoplens.engine.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.logs.LogKind;

/**
 * Writes typed rows of one kind ({@link LogKind#storedSchema()} order) straight to Parquet with
 * parquet-hadoop, no Spark job: INT64, BINARY UTF8, INT32 DATE, INT64 TIMESTAMP(MICROS, not
 * adjusted to UTC, which Spark reads as TIMESTAMP_NTZ), INT32, DOUBLE; snappy.
 *
 * <p>user_visit_action goes to {@code date=yyyy-MM-dd/part-N.parquet} (the date lives in the
 * folder name, as Spark partitions it). Each open writer buffers a row group in memory, so at
 * most {@link #MAX_OPEN_WRITERS} are open, each with small row groups (≤ 64 × 4 MiB buffered);
 * beyond that the least recently used one is closed and its date continues in a new part file.
 * Logs are written in time order, so a file rarely interleaves more than a few dates; one that
 * interleaves more than 64 still imports correctly, only into many small files.
 */
final class ParquetSink implements Closeable {

    static final int MAX_OPEN_WRITERS = 64;
    private static final int ROW_GROUP_BYTES = 4 << 20;
    private static final int SINGLE_ROW_GROUP_BYTES = 64 << 20;

    private final Path folder;
    private final StructType stored;
    private final boolean partitioned;
    private final MessageType fileSchema;
    private final int[] fileFields;
    private final Map<LocalDate, ParquetWriter<Object[]>> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<LocalDate, Integer> parts = new HashMap<>();
    private ParquetWriter<Object[]> single;
    private long rows;
    private LocalDate minDate;
    private LocalDate maxDate;

    ParquetSink(Path folder, LogKind kind) {
        this.folder = folder;
        this.stored = kind.storedSchema();
        this.partitioned = kind == LogKind.USER_VISIT_ACTION;
        List<Integer> fields = new ArrayList<>();
        Types.MessageTypeBuilder schema = Types.buildMessage();
        for (int i = 0; i < stored.fields().length; i++) {
            StructField f = stored.fields()[i];
            if (partitioned && f.name().equals("date")) {
                continue;
            }
            fields.add(i);
            schema.addField(parquetType(f));
        }
        this.fileSchema = schema.named("spark_schema");
        this.fileFields = fields.stream().mapToInt(Integer::intValue).toArray();
    }

    static Type parquetType(StructField f) {
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

    /** A row in stored-schema order (typed values as RowParser makes them, then source_file, source_line). */
    void write(Object[] row) throws IOException {
        if (partitioned) {
            LocalDate date = (LocalDate) row[0];
            minDate = minDate == null || date.isBefore(minDate) ? date : minDate;
            maxDate = maxDate == null || date.isAfter(maxDate) ? date : maxDate;
            writerFor(date).write(row);
        } else {
            if (single == null) {
                single = newWriter(folder.resolve("part-0.parquet"), SINGLE_ROW_GROUP_BYTES);
            }
            single.write(row);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    LocalDate minDate() {
        return minDate;
    }

    LocalDate maxDate() {
        return maxDate;
    }

    private ParquetWriter<Object[]> writerFor(LocalDate date) throws IOException {
        ParquetWriter<Object[]> w = open.get(date);
        if (w != null) {
            return w;
        }
        if (open.size() >= MAX_OPEN_WRITERS) {
            LocalDate eldest = open.keySet().iterator().next();
            open.remove(eldest).close();
        }
        int part = parts.merge(date, 1, Integer::sum) - 1;
        Path dir = Files.createDirectories(folder.resolve("date=" + date));
        w = newWriter(dir.resolve("part-" + part + ".parquet"), ROW_GROUP_BYTES);
        open.put(date, w);
        return w;
    }

    private ParquetWriter<Object[]> newWriter(Path file, int rowGroupBytes) throws IOException {
        return new Builder(new LocalOutputFile(file), new RowWriteSupport(fileSchema, fileFields))
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize((long) rowGroupBytes)
                .build();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        List<ParquetWriter<Object[]>> all = new ArrayList<>(open.values());
        if (single != null) {
            all.add(single);
        }
        open.clear();
        single = null;
        for (ParquetWriter<Object[]> w : all) {
            try {
                w.close();
            } catch (IOException | UncheckedIOException e) {
                IOException io = e instanceof IOException i ? i : ((UncheckedIOException) e).getCause();
                if (first == null) {
                    first = io;
                }
            }
        }
        if (first != null) {
            throw first;
        }
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
