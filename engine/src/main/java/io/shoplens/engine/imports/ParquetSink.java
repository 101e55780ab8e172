package io.shoplens.engine.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import io.shoplens.engine.files.ParquetRows;
import io.shoplens.engine.logs.LogKind;

/**
 * Writes typed rows of one kind ({@link LogKind#storedSchema()} order) straight to Parquet with
 * parquet-hadoop, no Spark job ({@link ParquetRows} says in which types).
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
    /** Columns whose values rarely repeat within a row group: stored without a dictionary. */
    private static final Set<String> DISTINCT = Set.of("source_line", "action_time", "timestamp", "user_id", "page_id",
            "click_category_id", "click_product_id", "city_id", "ad_id", "pay_amount");

    private final Path folder;
    private final LogKind kind;
    private final StructType stored;
    private final boolean partitioned;
    private final MessageType fileSchema;
    private final int[] fileFields;
    private final ImportTap.Unit tap;
    private final boolean dataFiles;
    private final Map<LocalDate, ParquetWriter<Object[]>> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<LocalDate, Integer> parts = new HashMap<>();
    private ParquetWriter<Object[]> single;
    private long rows;
    private LocalDate minDate;
    private LocalDate maxDate;

    ParquetSink(Path folder, LogKind kind) {
        this(folder, kind, ImportTap.Unit.NONE);
    }

    /** {@code tap} sees every row once it is written. */
    ParquetSink(Path folder, LogKind kind, ImportTap.Unit tap) {
        this(folder, kind, tap, true);
    }

    /**
     * {@code dataFiles} false: nothing is written, {@code tap} only sees the rows (an import whose
     * rows are kept in memory and whose workspace is thrown away, see {@link OnTheFly#keptOnly}).
     */
    ParquetSink(Path folder, LogKind kind, ImportTap.Unit tap, boolean dataFiles) {
        this.folder = folder;
        this.tap = tap;
        this.dataFiles = dataFiles;
        this.kind = kind;
        this.stored = kind.storedSchema();
        this.partitioned = kind == LogKind.USER_VISIT_ACTION;
        List<Integer> fields = new ArrayList<>();
        for (int i = 0; i < stored.fields().length; i++) {
            StructField f = stored.fields()[i];
            if (!(partitioned && f.name().equals("date"))) {
                fields.add(i);
            }
        }
        this.fileFields = fields.stream().mapToInt(Integer::intValue).toArray();
        this.fileSchema = ParquetRows.messageType(stored, fileFields);
    }

    /** A row in stored-schema order (typed values as RowParser makes them, then source_file, source_line). */
    void write(Object[] row) throws IOException {
        if (partitioned) {
            LocalDate date = (LocalDate) row[0];
            minDate = minDate == null || date.isBefore(minDate) ? date : minDate;
            maxDate = maxDate == null || date.isAfter(maxDate) ? date : maxDate;
            if (dataFiles) {
                writerFor(date).write(row);
            }
        } else if (dataFiles) {
            if (single == null) {
                single = newWriter(folder.resolve("part-0.parquet"), SINGLE_ROW_GROUP_BYTES);
            }
            single.write(row);
        }
        tap.row(kind, row);
        rows++;
    }

    LogKind kind() {
        return kind;
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
        return ParquetRows.writer(file, fileSchema, fileFields, rowGroupBytes, DISTINCT);
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
}
