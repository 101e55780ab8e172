package io.shoplens.engine.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import io.shoplens.engine.logs.LogKind;

/** The file formats {@code shoplens generate} writes, each with its file name extension. */
public enum LogFormat {
    CSV("csv"),
    TSV("tsv"),
    /** The classic platform's headerless {@code _}-separated (ad clicks: space-separated) text. */
    PLATFORM("txt"),
    JSONL("jsonl"),
    PARQUET("parquet"),
    /** The CSV form, gzip-compressed. */
    GZIP("csv.gz");

    private final String extension;

    LogFormat(String extension) {
        this.extension = extension;
    }

    /** The name used on the command line and as the folder name when several formats are written. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return extension;
    }

    public String fileName(LogKind kind) {
        return kind.id() + "." + extension;
    }

    public static Optional<LogFormat> byId(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id().equals(wanted)).findFirst();
    }

    RecordWriter open(Path file, LogKind kind) throws IOException {
        if (this == PARQUET) {
            return new ParquetRecordWriter(file, kind);
        }
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        try {
            return switch (this) {
                case CSV -> DelimitedRecordWriter.csv(out, kind);
                case TSV -> DelimitedRecordWriter.tsv(out, kind);
                case PLATFORM -> new PlatformRecordWriter(out, kind);
                case JSONL -> new JsonLinesRecordWriter(out, kind);
                // java.util.zip writes a zero modification time, so the bytes depend on the data only.
                case GZIP -> DelimitedRecordWriter.csv(new GZIPOutputStream(out, 1 << 16), kind);
                case PARQUET -> throw new AssertionError();
            };
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }
}
