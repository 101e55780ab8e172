package io.shoplens.engine.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.RejectedRow;

/**
 * Parses the records of one {@link TextChunks.Chunk} into rows and rejections, on whichever
 * thread calls it. A record belongs to the chunk its first line is in; one whose quoted field
 * runs past the chunk's end is read on into the next chunk's bytes, as one pass would read it.
 *
 * <p>Where a record begins depends on every line before it (a quoted field may span up to
 * {@link RecordReader#MAX_EXTRA_LINES} lines), which a chunk cannot know. So it guesses that its
 * first line begins one and says which of its records spanned lines; from any line where a record
 * truly begins, reading is the same whoever does it, so the caller keeps the records from the
 * true beginning on, or parses again from there when the guess read it as inside a record.
 */
final class ChunkParser {

    private static final int CHECK_EVERY = 1024;

    /**
     * What a chunk held, read from {@code startLine}: rows and rejections in line order, the
     * records that spanned lines as {first, last} pairs, and the last line its records used.
     */
    record Parsed(long startLine, long lastLine, List<Object[]> rows, List<RejectedRow> rejected, List<long[]> spans) {

        /** Whether a record begins at {@code line} when reading from {@link #startLine}. */
        boolean beginsRecordAt(long line) {
            if (line < startLine || line > lastLine) {
                return false;
            }
            for (long[] span : spans) {
                if (span[0] < line && line <= span[1]) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Sources.Opener opener;
    private final Path file;
    private final String given;
    private final Layout layout;
    private final LogKind kind;
    private final char delimiter;
    private final boolean header;
    private final CancellationToken cancel;

    /** {@code layout}: null for JSON lines; {@code header}: the file's first record is a header, not data. */
    ChunkParser(Sources.Opener opener, Path file, String given, Layout layout, LogKind kind, char delimiter,
                boolean header, CancellationToken cancel) {
        this.opener = opener;
        this.file = file;
        this.given = given;
        this.layout = layout;
        this.kind = kind;
        this.delimiter = layout == null ? 0 : delimiter;
        this.header = header;
        this.cancel = cancel;
    }

    /** The records of {@code chunk} that begin at or after {@code startLine}, reading as if one begins there. */
    Parsed parse(TextChunks.Chunk chunk, long startLine) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        List<long[]> spans = new ArrayList<>();
        RecordTyper typer = new RecordTyper(given, layout, kind);
        RecordTyper.Out out = new RecordTyper.Out() {
            @Override
            public void row(Object[] row) {
                rows.add(row);
            }

            @Override
            public void reject(long line, String reason, String text) {
                rejected.add(FileImporter.rejection(given, line, reason, text));
            }
        };
        long last = startLine - 1;
        try (InputStream in = opener.open(file);
             LineReader lines = new LineReader(in, false, Sources.MAX_LINE_BYTES, chunk.firstLine(), chunk.offset())) {
            in.skipNBytes(chunk.offset());
            LineReader.Line first = lines.next();
            while (first != null && first.number() < startLine) {
                first = lines.next();
            }
            LineReader.Line[] held = {first};
            RecordReader records = new RecordReader(() -> {
                LineReader.Line line = held[0];
                held[0] = null;
                return line != null ? line : lines.next();
            }, delimiter);
            boolean skipHeader = header && startLine == 1;
            long checked = 0;
            for (RecordReader.Record r; (r = records.next()) != null && r.first() < chunk.endLine(); ) {
                if (++checked % CHECK_EVERY == 0) {
                    cancel.throwIfCancelled();
                }
                last = r.last();
                if (r.last() > r.first()) {
                    spans.add(new long[] {r.first(), r.last()});
                }
                if (skipHeader) {
                    skipHeader = false;
                    continue;
                }
                if (RecordTyper.holdsData(r)) {
                    typer.take(r, out);
                }
            }
        }
        return new Parsed(startLine, last, rows, rejected, spans);
    }
}
