package io.shoplens.engine.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening input files: magic bytes decide gzip and Parquet, not the file name. */
final class Sources {

    /** Lines longer than this are rejected (and their text truncated), so one bad line cannot exhaust memory. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /** How the importer opens files; tests substitute a stream that fails midway. */
    @FunctionalInterface
    interface Opener {
        InputStream open(Path file) throws IOException;
    }

    static final Opener FILES = Files::newInputStream;

    private Sources() {
    }

    static boolean isGzip(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    static boolean isParquet(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
    }

    static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4);
        }
    }

    /** The decompressed bytes of {@code raw} (which the caller may have wrapped for digest and counting). */
    static InputStream decompressed(InputStream raw, boolean gzip) throws IOException {
        InputStream buffered = new BufferedInputStream(raw, 1 << 16);
        return gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }
}
