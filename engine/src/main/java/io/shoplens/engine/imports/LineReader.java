package io.shoplens.engine.imports;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

import io.shoplens.engine.workspace.RejectedRow;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) and decodes each strictly as UTF-8,
 * numbering them from 1. Instead of failing, a line that is not UTF-8 or longer than the limit
 * comes back with a {@code problem} (and lenient text), so the importer can reject just that line.
 * A gzip stream that breaks off ends the lines early and is reported by {@link #brokenBy()}.
 */
final class LineReader implements Closeable {

    /** A line; {@code problem} is null for a good one. */
    record Line(long number, String text, String problem) {
    }

    private final InputStream in;
    private final boolean compressed;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;
    private long lineBytes;
    private long lineNumber;
    private long offset;
    private long lineStart;
    private boolean ended;
    private IOException brokenBy;

    LineReader(InputStream in, boolean compressed, int maxLineBytes) {
        this(in, compressed, maxLineBytes, 1, 0);
    }

    /**
     * Lines of a stream that starts at byte {@code firstOffset} of the file, just after a line
     * break, where line {@code firstLine} begins: a chunk of a file read on its own thread.
     */
    LineReader(InputStream in, boolean compressed, int maxLineBytes, long firstLine, long firstOffset) {
        this.in = in;
        this.compressed = compressed;
        this.maxLineBytes = maxLineBytes;
        this.lineNumber = firstLine - 1;
        this.offset = firstOffset;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        lineLength = 0;
        lineBytes = 0;
        lineStart = offset;
        while (true) {
            if (pos == limit && !fill()) {
                ended = true;
                return lineBytes == 0 ? null : finish();
            }
            int newline = -1;
            for (int i = pos; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            append(pos, end - pos);
            offset += (newline < 0 ? end : newline + 1) - pos;
            pos = newline < 0 ? end : newline + 1;
            if (newline >= 0) {
                return finish();
            }
        }
    }

    /** The gzip error that ended the stream early, or null. */
    IOException brokenBy() {
        return brokenBy;
    }

    long lineNumber() {
        return lineNumber;
    }

    private boolean fill() throws IOException {
        try {
            int n = in.read(buffer);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        } catch (EOFException | ZipException e) {
            if (!compressed) {
                throw e;
            }
            brokenBy = e;
            return false;
        }
    }

    private void append(int from, int length) {
        lineBytes += length;
        int room = maxLineBytes - lineLength;
        int take = Math.min(room, length);
        if (take <= 0) {
            return;
        }
        if (lineLength + take > line.length) {
            byte[] bigger = new byte[Math.min(maxLineBytes, Math.max(line.length * 2, lineLength + take))];
            System.arraycopy(line, 0, bigger, 0, lineLength);
            line = bigger;
        }
        System.arraycopy(buffer, from, line, lineLength, take);
        lineLength += take;
    }

    private Line finish() {
        lineNumber++;
        int length = lineLength;
        long total = lineBytes;
        if (length > 0 && line[length - 1] == '\r' && total == length) {
            length--;
            total--;
        }
        int start = 0;
        if (lineNumber == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF) {
            start = 3; // a UTF-8 byte order mark, as Excel writes it
        }
        if (total > maxLineBytes) {
            int shown = Math.min(length, RejectedRow.MAX_TEXT_BYTES - 64); // room for the marker, so capping leaves it alone
            String text = new String(line, 0, shown, StandardCharsets.UTF_8) + "… (truncated, " + total + " bytes)";
            return new Line(lineNumber, text, "line is " + total + " bytes long, over the limit of " + maxLineBytes
                    + " bytes");
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, start, length - start);
        CharBuffer chars = CharBuffer.allocate(length - start);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            int at = bytes.position();
            String lenient = new String(line, start, length - start, StandardCharsets.UTF_8);
            return new Line(lineNumber, lenient, "not valid UTF-8: byte 0x"
                    + String.format("%02X", line[at] & 0xFF) + " at byte offset " + at + " of the line (byte "
                    + (lineStart + at) + " of the file)");
        }
        decoder.flush(chars);
        chars.flip();
        return new Line(lineNumber, chars.toString(), null);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
