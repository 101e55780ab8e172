package io.shoplens.engine.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.NewDataset;
import io.shoplens.engine.workspace.RejectedRow;

/**
 * Imports one file into a staging folder in a single streaming pass: raw bytes → SHA-256 and
 * byte count → gunzip → strict UTF-8 lines → records (quoted line breaks joined) → typed rows →
 * Parquet. A large uncompressed text file has its records parsed on all cores ({@link ParallelText}),
 * with the same result. Returns what it read, or why the file cannot be imported; throws only for
 * I/O failure and cancel.
 */
final class FileImporter {

    /** What importing one file gave. */
    sealed interface Result {

        /** The file cannot be imported at all; nothing of it is kept. */
        record Failed(String error) implements Result { }

        /**
         * The file was read: its report (outcome still to be decided by the import as a whole),
         * the SHA-256 of its bytes, and its staged dataset when it held records.
         */
        record Read(FileReport report, String fingerprint, Optional<NewDataset> dataset) implements Result { }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHECK_EVERY = 1024;

    private final Sources.Opener opener;
    private final ParallelText.Chunking chunking;
    private final CancellationToken cancel;
    private final boolean dataFiles;

    FileImporter(Sources.Opener opener, CancellationToken cancel) {
        this(opener, ParallelText.Chunking.DEFAULT, cancel);
    }

    FileImporter(Sources.Opener opener, ParallelText.Chunking chunking, CancellationToken cancel) {
        this(opener, chunking, cancel, true);
    }

    /** {@code dataFiles} false: the rows go to the tap only ({@link ParquetSink}). */
    FileImporter(Sources.Opener opener, ParallelText.Chunking chunking, CancellationToken cancel, boolean dataFiles) {
        this.opener = opener;
        this.chunking = chunking;
        this.cancel = cancel;
        this.dataFiles = dataFiles;
    }

    /**
     * {@code given}: the path as the user gave it (reports and source_file); {@code bytesDone}:
     * progress sink; {@code tap}: sees the accepted rows.
     */
    Result importFile(Path file, String given, Optional<LogKind> kind, String name, Path staging, LongConsumer bytesDone,
                      ImportTap.Unit tap) throws IOException {
        Detection d = FormatSniffer.sniff(file, kind);
        if (d.kind().isEmpty()) {
            boolean empty = d.firstLines().stream().allMatch(String::isBlank);
            if (empty) {
                // Nothing to import is not a failure: the file is readable, it just holds no records.
                FileReport report = new FileReport(given, FileReport.Source.of(Optional.empty(), d),
                        FileReport.Counts.NONE, new FileReport.Outcome.Empty(), List.of(d.why() + ": nothing to import"),
                        List.of());
                return new Result.Read(report, fingerprint(file), Optional.empty());
            }
            return new Result.Failed(given + ": " + d.why());
        }
        LogKind k = d.kind().get();
        Counts counts = new Counts();
        List<String> warnings = new ArrayList<>();
        String fingerprint;
        tap.expect(k, Files.size(file));
        try (ParquetSink sink = new ParquetSink(staging, k, tap, dataFiles)) {
            RowParser parser = new RowParser(k);
            if (d.format() == SourceFormat.PARQUET) {
                fingerprint = importParquet(file, given, parser, sink, counts, warnings, bytesDone);
            } else {
                fingerprint = importText(file, given, d, parser, sink, counts, warnings, bytesDone);
            }
        } catch (Unreadable e) {
            return new Result.Failed(e.getMessage());
        }
        Optional<String> doubt = GuessedKinds.doubt(given, d, counts.asReported());
        if (doubt.isPresent()) {
            return new Result.Failed(doubt.get());
        }
        return read(given, k, d, counts, warnings, fingerprint, List.of(given), Files.size(file), name, staging);
    }

    /**
     * Imports the Parquet part files of one table folder (as Hive and Spark write them) as one
     * dataset: rows keep their part as {@code source_file} and their row number in it as
     * {@code source_line}. The fingerprint is the part's own for a single part (so importing the
     * file alone is seen as a duplicate), else the SHA-256 of the parts' fingerprints in order.
     */
    Result importParquetParts(String given, List<Path> parts, Optional<LogKind> kind, String name, Path staging,
                              LongConsumer bytesDone, ImportTap.Unit tap) throws IOException {
        Detection d = ParquetSource.sniff(parts.get(0), kind);
        if (d.kind().isEmpty()) {
            return new Result.Failed(given + ": " + parts.get(0) + ": " + d.why());
        }
        LogKind k = d.kind().get();
        Counts counts = new Counts();
        List<String> warnings = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        long size = 0;
        try (ParquetSink sink = new ParquetSink(staging, k, tap, dataFiles)) {
            RowParser parser = new RowParser(k);
            for (Path part : parts) {
                fingerprints.add(importParquet(part, part.toString(), parser, sink, counts, warnings, bytesDone));
                size += Files.size(part);
            }
        } catch (Unreadable e) {
            return new Result.Failed(e.getMessage());
        }
        String fingerprint = fingerprints.size() == 1 ? fingerprints.get(0) : sha256Hex(String.join("\n", fingerprints));
        List<String> distinctWarnings = new ArrayList<>(new LinkedHashSet<>(warnings));
        return read(given, k, d, counts, distinctWarnings, fingerprint, parts.stream().map(Path::toString).toList(), size,
                name, staging);
    }

    private static Result read(String given, LogKind k, Detection d, Counts counts, List<String> warnings,
                               String fingerprint, List<String> sourceFiles, long size, String name, Path staging) {
        if (counts.read == 0) {
            warnings.add("no data lines: nothing to import");
        }
        FileReport report = new FileReport(given, FileReport.Source.of(Optional.of(k), d), counts.asReported(),
                new FileReport.Outcome.Empty(), warnings, counts.rejected);
        if (counts.read == 0) {
            return new Result.Read(report, fingerprint, Optional.empty());
        }
        NewDataset dataset = new NewDataset(name, k, sourceFiles, size, fingerprint, counts.read,
                counts.accepted, counts.rejected.size(), counts.minDate, counts.maxDate, staging, counts.rejected,
                counts.duplicateIds);
        return new Result.Read(report, fingerprint, Optional.of(dataset));
    }

    private String importText(Path file, String given, Detection d, RowParser parser, ParquetSink sink, Counts counts,
                              List<String> warnings, LongConsumer bytesDone) throws IOException, Unreadable {
        MessageDigest sha = sha256();
        Layout layout = null;
        if (d.format() == SourceFormat.DELIMITED) {
            if (d.hasHeader()) {
                List<String> missing = new ArrayList<>();
                layout = Layout.ofHeader(d.kind().get(), d.delimiter(), d.columns(), missing);
                if (!missing.isEmpty()) {
                    throw new Unreadable(given + ": line 1: header lacks the " + d.kind().get().id() + " columns "
                            + String.join(", ", missing));
                }
                if (!layout.ignored().isEmpty()) {
                    warnings.add("ignored columns not used by " + d.kind().get().id() + ": "
                            + String.join(", ", layout.ignored()));
                }
            } else {
                layout = Layout.headerless(d.kind().get(), d.delimiter(), d.fieldCount());
            }
        }
        if (chunking.applies(Files.size(file), d.gzip())) {
            ChunkParser chunks = new ChunkParser(opener, file, given, layout, d.kind().get(), d.delimiter(),
                    d.hasHeader(), cancel);
            new ParallelText(opener, chunking, cancel).read(file, chunks, sha, counts, sink, bytesDone);
            cancel.throwIfCancelled();
            return HexFormat.of().formatHex(sha.digest());
        }
        RecordTyper typer = new RecordTyper(given, layout, d.kind().get());
        RecordTyper.Out out = counts.into(given, sink);
        try (CountingStream raw = new CountingStream(opener.open(file), bytesDone);
             DigestInputStream digest = new DigestInputStream(raw, sha);
             LineReader lines = new LineReader(Sources.decompressed(digest, d.gzip()), d.gzip(), Sources.MAX_LINE_BYTES)) {
            RecordReader records = new RecordReader(lines::next, layout == null ? 0 : d.delimiter());
            RecordReader.Record record;
            boolean header = d.hasHeader();
            long checked = 0;
            while ((record = records.next()) != null) {
                if (++checked % CHECK_EVERY == 0) {
                    cancel.throwIfCancelled();
                }
                if (header) {
                    header = false;
                    continue;
                }
                if (RecordTyper.holdsData(record)) {
                    counts.read++;
                    typer.take(record, out);
                }
            }
            if (lines.brokenBy() != null) {
                warnings.add("gzip stream broken after line " + lines.lineNumber() + ": "
                        + lines.brokenBy().getMessage() + "; the lines before it were imported");
            }
            digest.transferTo(OutputStreamSink.INSTANCE); // the fingerprint covers every byte of the file
        }
        cancel.throwIfCancelled();
        return HexFormat.of().formatHex(sha.digest());
    }

    private String importParquet(Path file, String given, RowParser parser, ParquetSink sink, Counts counts,
                                 List<String> warnings, LongConsumer bytesDone) throws IOException, Unreadable {
        String fingerprint = fingerprint(file);
        try (ParquetSource source = new ParquetSource(file)) {
            List<String> columns = RowParser.sourceColumns(parser.kind());
            Map<String, Integer> at = FormatSniffer.positions(source.names());
            List<String> missing = parser.kind().requiredColumns().stream().filter(c -> !at.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new Unreadable(given + ": Parquet columns lack the " + parser.kind().id() + " columns "
                        + String.join(", ", missing));
            }
            List<String> ignored = source.names().stream().filter(n -> !columns.contains(n)).toList();
            if (!ignored.isEmpty()) {
                warnings.add("ignored columns not used by " + parser.kind().id() + ": " + String.join(", ", ignored));
            }
            long size = Files.size(file);
            long row = 0;
            String[] texts;
            while ((texts = source.next()) != null) {
                row++;
                if (row % CHECK_EVERY == 0) {
                    cancel.throwIfCancelled();
                    bytesDone.accept(source.totalRows() == 0 ? 0 : size * CHECK_EVERY / source.totalRows());
                }
                String[] values = new String[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    Integer p = at.get(columns.get(i));
                    values[i] = p == null ? null : texts[p];
                }
                counts.read++;
                accept(given, row, source.render(texts), values, parser, sink, counts);
            }
        }
        cancel.throwIfCancelled();
        return fingerprint;
    }

    private static void accept(String given, long line, String text, String[] values, RowParser parser, ParquetSink sink,
                               Counts counts) throws IOException {
        Object[] typed;
        try {
            typed = parser.parse(values);
        } catch (RowRejectedException e) {
            counts.reject(given, line, e.getMessage(), text);
            return;
        }
        counts.write(stored(typed, given, line), sink);
    }

    /** A typed row in stored-schema order: the kind's values, then source_file and source_line. */
    static Object[] stored(Object[] typed, String given, long line) {
        Object[] row = new Object[typed.length + 2];
        System.arraycopy(typed, 0, row, 0, typed.length);
        row[typed.length] = given;
        row[typed.length + 1] = line;
        return row;
    }

    static RejectedRow rejection(String file, long line, String reason, String text) {
        return new RejectedRow(file, line, reason, RejectedRow.capped(text));
    }

    static String[] jsonValues(String text, List<String> columns, LogKind kind) throws RowRejectedException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RowRejectedException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RowRejectedException("not a JSON object");
        }
        Map<String, JsonNode> byName = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            byName.putIfAbsent(e.getKey().trim().toLowerCase(Locale.ROOT), e.getValue());
        }
        String[] values = new String[columns.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = byName.get(columns.get(i));
            if (v == null) {
                if (kind.requiredColumns().contains(columns.get(i))) {
                    throw new RowRejectedException("missing field '" + columns.get(i) + "'");
                }
                continue;
            }
            values[i] = v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
        }
        return values;
    }

    static String fingerprint(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStreamSink.INSTANCE);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** Why a file cannot be imported at all (a header or Parquet schema without the kind's columns). */
    private static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why, null, false, false);
        }
    }

    /** What a file's records gave so far; written by one thread only. */
    static final class Counts {
        long read;
        long accepted;
        final List<RejectedRow> rejected = new ArrayList<>();
        java.time.LocalDate minDate;
        java.time.LocalDate maxDate;
        /** Ids a reference file defined, to count those it defines more than once. */
        final Set<Object> ids = new HashSet<>();
        long duplicateIds;

        /** Writes an accepted row (stored-schema order) to {@code sink}. */
        void write(Object[] row, ParquetSink sink) throws IOException {
            sink.write(row);
            accepted++;
            if (sink.kind().isReference() && row[0] != null && !ids.add(row[0])) {
                duplicateIds++;
            }
            minDate = sink.minDate();
            maxDate = sink.maxDate();
        }

        void reject(String file, long line, String reason, String text) {
            rejected.add(rejection(file, line, reason, text));
        }

        /** Records of {@code given} typed straight into these counts and {@code sink}. */
        RecordTyper.Out into(String given, ParquetSink sink) {
            return new RecordTyper.Out() {
                @Override
                public void row(Object[] row) throws IOException {
                    write(row, sink);
                }

                @Override
                public void reject(long line, String reason, String text) {
                    Counts.this.reject(given, line, reason, text);
                }
            };
        }

        FileReport.Counts asReported() {
            return new FileReport.Counts(read, accepted, rejected.size());
        }
    }

    /** Counts raw bytes for progress, reporting every 1 MiB. */
    private static final class CountingStream extends FilterInputStream {
        private final LongConsumer done;
        private long pending;

        CountingStream(InputStream in, LongConsumer done) {
            super(in);
            this.done = done;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            pending += n;
            if (pending >= (1 << 20)) {
                done.accept(pending);
                pending = 0;
            }
        }

        @Override
        public void close() throws IOException {
            done.accept(pending);
            pending = 0;
            super.close();
        }
    }

    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
