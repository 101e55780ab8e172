package io.shoplens.engine.imports;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import io.shoplens.engine.logs.LogKind;

/**
 * Reads a Parquet input (e.g. the platform's Hive tables) row by row with parquet-hadoop. Each
 * value is turned into the text form a log file would have (dates {@code yyyy-MM-dd}, timestamps
 * {@code yyyy-MM-dd HH:mm:ss}, numbers as written) and typed by the same {@link RowParser} as text
 * input, so a Parquet file is held to exactly the same rules. Columns match by name, any case.
 */
final class ParquetSource implements Closeable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ParquetReader<Group> reader;
    private final List<String> names;
    private final long totalRows;

    ParquetSource(Path file) throws IOException {
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file))) {
            this.names = FormatSniffer.normalized(footer.getFileMetaData().getSchema().getFields().stream()
                    .map(Type::getName).toList());
            this.totalRows = footer.getRecordCount();
        }
        // A plain local file, not Hadoop's local file system: that one checks a sibling .NAME.crc if
        // present, and a stale one (copied tables often carry them) would fail a good file.
        this.reader = new GroupReader(new LocalInputFile(file)).withConf(new Configuration()).build();
    }

    /** The file's column names (normalised), from its footer alone. */
    static List<String> columns(Path file) throws IOException {
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file))) {
            return FormatSniffer.normalized(footer.getFileMetaData().getSchema().getFields().stream()
                    .map(Type::getName).toList());
        }
    }

    static Detection sniff(Path file, Optional<LogKind> override) throws IOException {
        try (ParquetSource source = new ParquetSource(file)) {
            List<String> first = new ArrayList<>();
            Group g;
            while (first.size() < FormatSniffer.SAMPLE_LINES && (g = source.reader.read()) != null) {
                first.add(source.render(source.texts(g)));
            }
            Optional<LogKind> kind = override.or(() -> FormatSniffer.kindOfNames(source.names));
            String why = kind.isPresent() ? "Parquet columns fit " + kind.get().id()
                    : "Parquet columns (" + String.join(", ", source.names) + ") name no kind's columns."
                    + " Name the kind, e.g. --kind user_visit_action";
            return new Detection(kind, why, SourceFormat.PARQUET, (char) 0, false, false, source.names,
                    source.names.size(), first, 0);
        }
    }

    List<String> names() {
        return names;
    }

    long totalRows() {
        return totalRows;
    }

    /** The next row's values as text, in column order, or null at the end. */
    String[] next() throws IOException {
        Group g = reader.read();
        return g == null ? null : texts(g);
    }

    String render(String[] texts) {
        List<String> parts = new ArrayList<>(texts.length);
        for (int i = 0; i < texts.length; i++) {
            parts.add(names.get(i) + "=" + texts[i]);
        }
        return String.join("|", parts);
    }

    private String[] texts(Group g) {
        int n = g.getType().getFieldCount();
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            if (g.getFieldRepetitionCount(i) == 0) {
                continue;
            }
            Type t = g.getType().getType(i);
            out[i] = t.isPrimitive() ? text(g, i, t.asPrimitiveType()) : g.getGroup(i, 0).toString();
        }
        return out;
    }

    private static String text(Group g, int i, PrimitiveType t) {
        LogicalTypeAnnotation logical = t.getLogicalTypeAnnotation();
        switch (t.getPrimitiveTypeName()) {
            case INT32:
                int n = g.getInteger(i, 0);
                return logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation
                        ? LocalDate.ofEpochDay(n).toString() : Integer.toString(n);
            case INT64:
                long l = g.getLong(i, 0);
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                    Instant at = switch (ts.getUnit()) {
                        case MILLIS -> Instant.ofEpochMilli(l);
                        case MICROS -> Instant.ofEpochSecond(Math.floorDiv(l, 1_000_000L), Math.floorMod(l, 1_000_000L) * 1_000L);
                        case NANOS -> Instant.ofEpochSecond(Math.floorDiv(l, 1_000_000_000L), Math.floorMod(l, 1_000_000_000L));
                    };
                    // Wall-clock time as stored; a UTC-adjusted instant is shown in UTC, Spark's session zone here.
                    return TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
                }
                return Long.toString(l);
            case INT96:
                // Hive's timestamp: nanos of day (little-endian long) then Julian day (int).
                ByteBuffer b = ByteBuffer.wrap(g.getInt96(i, 0).getBytes()).order(ByteOrder.LITTLE_ENDIAN);
                long nanos = b.getLong();
                int julian = b.getInt();
                LocalDateTime time = LocalDate.ofEpochDay(julian - 2_440_588L).atStartOfDay().plusNanos(nanos);
                return TIME.format(time);
            case FLOAT:
                return Float.toString(g.getFloat(i, 0));
            case DOUBLE:
                return Double.toString(g.getDouble(i, 0));
            case BOOLEAN:
                return Boolean.toString(g.getBoolean(i, 0));
            default:
                return g.getBinary(i, 0).toStringUsingUTF8();
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(LocalInputFile file) {
            super(file);
        }

        @Override
        protected org.apache.parquet.hadoop.api.ReadSupport<Group> getReadSupport() {
            return new GroupReadSupport();
        }
    }
}
