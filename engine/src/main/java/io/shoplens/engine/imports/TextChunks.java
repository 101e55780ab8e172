package io.shoplens.engine.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Cuts an uncompressed text file into chunks of whole lines, each about {@code chunkBytes} long,
 * by one cheap sequential pass that only looks for {@code \n}: so each chunk knows the number of
 * its first line before anyone parses it, and every line number and message comes out as one
 * pass over the file would give it. Cutting just after a {@code \n} never splits a {@code \r\n}
 * or a multi-byte UTF-8 character (no byte of one is {@code \n}); a line longer than a chunk
 * makes its chunk longer, which costs no memory, as chunks are byte ranges read by their parser.
 * Every byte goes through {@code in} once, which is where the caller computes the fingerprint.
 */
final class TextChunks implements Closeable {

    /**
     * Bytes {@code offset} (just after a line break, or 0) to {@code end} (exclusive) of the file,
     * holding lines {@code firstLine} to {@code endLine} (exclusive; {@link Long#MAX_VALUE} for
     * the last chunk).
     */
    record Chunk(long offset, long end, long firstLine, long endLine) {

        long bytes() {
            return end - offset;
        }
    }

    private final InputStream in;
    private final long chunkBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private long bufferStart;
    private long chunkStart;
    private long firstLine = 1;
    private long newlines;
    private boolean ended;

    TextChunks(InputStream in, long chunkBytes) {
        this.in = in;
        this.chunkBytes = Math.max(1, chunkBytes);
    }

    /** The next chunk, or null when the file has been read to its end. */
    Chunk next() throws IOException {
        if (ended) {
            return null;
        }
        long cutFrom = chunkStart + chunkBytes - 1; // the first byte whose \n may end the chunk
        while (true) {
            if (pos == limit) {
                int n = in.read(buffer);
                if (n < 0) {
                    ended = true;
                    long end = bufferStart + limit;
                    return end > chunkStart ? new Chunk(chunkStart, end, firstLine, Long.MAX_VALUE) : null;
                }
                bufferStart += limit;
                pos = 0;
                limit = n;
            }
            for (int i = pos; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newlines++;
                    long at = bufferStart + i;
                    if (at >= cutFrom) {
                        Chunk chunk = new Chunk(chunkStart, at + 1, firstLine, newlines + 1);
                        chunkStart = at + 1;
                        firstLine = newlines + 1;
                        pos = i + 1;
                        return chunk;
                    }
                }
            }
            pos = limit;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
