package io.shoplens.engine.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

import io.shoplens.engine.workspace.RejectedRow;

/**
 * Imports one large uncompressed text file with its chunks parsed on a pool of threads, one per
 * core: the calling thread cuts the file into chunks ({@link TextChunks}, which also feeds the
 * fingerprint), hands them out, and takes the parsed chunks back in file order to write their
 * rows to the one {@link ParquetSink}. So the Parquet files, the rejections and every message are
 * exactly those of one pass, in the same order. At most one chunk per thread, and one more, is
 * parsed or waiting to be written at a time, which bounds memory whatever the file's size.
 */
final class ParallelText {

    /**
     * When a file is parsed in chunks: with more than one thread, for uncompressed text files of at
     * least {@code minFileBytes}; package-private so tests can force tiny chunks on small files.
     */
    record Chunking(int threads, long chunkBytes, long minFileBytes) {

        /**
         * Chunks of 256 KiB (some 3k actions) are written soon after they are parsed, so few of their
         * rows are still waiting when a young collection comes and get copied into the old
         * generation: with 4 MiB chunks, and twice as many waiting, a 4M-action import peaked at
         * 4.9 GB RSS against 1.3 GB in one pass; with 1 MiB chunks, 2.9 GB; with these, 1.65-1.92 GB
         * (docs/BENCHMARKS.md). Below 16 MiB a pool is not worth starting.
         */
        static final Chunking DEFAULT = new Chunking(Runtime.getRuntime().availableProcessors(), 256L << 10, 16L << 20);

        boolean applies(long fileBytes, boolean gzip) {
            // A gzip stream cannot be entered midway: it is inflated by one thread from its start.
            return threads > 1 && !gzip && fileBytes >= minFileBytes;
        }
    }

    private record Pending(TextChunks.Chunk chunk, Future<ChunkParser.Parsed> parsed) {
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Sources.Opener opener;
    private final Chunking chunking;
    private final CancellationToken cancel;

    ParallelText(Sources.Opener opener, Chunking chunking, CancellationToken cancel) {
        this.opener = opener;
        this.chunking = chunking;
        this.cancel = cancel;
    }

    /** Reads every record of {@code file} into {@code counts} and {@code sink}; every byte goes through {@code sha}. */
    void read(Path file, ChunkParser parser, MessageDigest sha, FileImporter.Counts counts, ParquetSink sink,
              LongConsumer bytesDone) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(chunking.threads(), parseThreads());
        Deque<Pending> inFlight = new ArrayDeque<>();
        long nextStart = 1;
        try (TextChunks chunks = new TextChunks(new DigestInputStream(opener.open(file), sha), chunking.chunkBytes())) {
            for (TextChunks.Chunk c; (c = chunks.next()) != null; ) {
                cancel.throwIfCancelled();
                TextChunks.Chunk chunk = c;
                inFlight.add(new Pending(chunk, pool.submit(() -> parser.parse(chunk, chunk.firstLine()))));
                while (inFlight.size() > chunking.threads()) {
                    nextStart = write(inFlight.poll(), nextStart, parser, counts, sink, bytesDone);
                }
            }
            while (!inFlight.isEmpty()) {
                nextStart = write(inFlight.poll(), nextStart, parser, counts, sink, bytesDone);
            }
        } finally {
            inFlight.forEach(p -> p.parsed().cancel(true));
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /**
     * Writes the records of a parsed chunk that begin at or after {@code nextStart}, the first line
     * no earlier record used; returns the first line its records leave.
     */
    private long write(Pending pending, long nextStart, ChunkParser parser, FileImporter.Counts counts, ParquetSink sink,
                       LongConsumer bytesDone) throws IOException {
        TextChunks.Chunk chunk = pending.chunk();
        ChunkParser.Parsed parsed = await(pending.parsed());
        cancel.throwIfCancelled();
        bytesDone.accept(chunk.bytes());
        if (nextStart >= chunk.endLine()) {
            return nextStart; // a quoted field of an earlier chunk's record took every line of this one
        }
        if (!parsed.beginsRecordAt(nextStart)) {
            // The guess read the true start as inside a record: read again from it, here (rare).
            parsed = parser.parse(chunk, nextStart);
        }
        for (Object[] row : parsed.rows()) {
            if ((long) row[row.length - 1] >= nextStart) {
                counts.read++;
                counts.write(row, sink);
            }
        }
        for (RejectedRow r : parsed.rejected()) {
            if (r.line() >= nextStart) {
                counts.read++;
                counts.rejected.add(r);
            }
        }
        return Math.max(nextStart, parsed.lastLine() + 1);
    }

    private ChunkParser.Parsed await(Future<ChunkParser.Parsed> parsed) throws IOException {
        try {
            return parsed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Import interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UncheckedIOException(new IOException(cause));
        }
    }

    /** Waits for the parsers to stop, so a cancelled import is over when it throws; they stop within CHECK_EVERY records. */
    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory parseThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "shoplens-import-parse-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
