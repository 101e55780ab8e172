package io.shoplens.engine.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.parquet.hadoop.ParquetWriter;

import io.shoplens.engine.files.ParquetRows;

/**
 * Moves stored micro-batches into daily Parquet files, in plain Java on a background thread (no
 * Spark job competes with the stream): the rows of the batches since the last compaction go to
 * one file per UTC date of their clicks ({@code days/date=yyyy-MM-dd/}) and one for malformed
 * messages ({@code days/malformed/}); a day that is over, and any bucket with many files, is then
 * merged into one file.
 *
 * <p>Each step is crash-safe in three moves: write the new file(s) (under a temporary name, then
 * renamed); switch, by writing {@code compacted.json} (an atomic rename), the one moment the
 * change takes effect; delete what was replaced. {@link StoredBatches#recover} recognises a run
 * stopped between any two moves, and every reader goes by {@code compacted.json}, so no row is
 * lost or read twice in any of those states.
 */
final class Compaction {

    /** A bucket with more files than this is merged even while its day goes on. */
    static final int MAX_FILES_PER_BUCKET = 24;
    private static final long ROW_GROUP_BYTES = 32L << 20;

    private final StoredBatches stored;

    Compaction(StoredBatches stored) {
        this.stored = stored;
    }

    /**
     * Compacts the batches above the last compaction up to {@code through} (which must be merged
     * already), then merges the buckets that are due, {@code openUtcDay} being the UTC date of the
     * latest click (its bucket and the one before still receive clicks).
     *
     * @return the files written
     */
    List<CompactedFiles.Part> run(long through, LocalDate openUtcDay) {
        List<CompactedFiles.Part> written = new ArrayList<>(compactBatches(through));
        written.addAll(mergeBuckets(openUtcDay));
        return written;
    }

    /** Moves batches (last compaction, through] into daily files; nothing when there is none. */
    List<CompactedFiles.Part> compactBatches(long through) {
        CompactedFiles before = stored.compacted();
        if (through <= before.through()) {
            return List.of();
        }
        List<Path> batches = stored.batchFolders().stream()
                .filter(p -> StoredBatches.batchId(p) > before.through() && StoredBatches.batchId(p) <= through)
                .toList();
        List<CompactedFiles.Part> parts = writeBatches(batches, before.through() + 1, through);
        switchTo(before.adding(parts, through));
        deleteBatches(batches);
        return parts;
    }

    /** Step one: the rows of {@code batches} (ids from..to) written into one new file per bucket. */
    List<CompactedFiles.Part> writeBatches(List<Path> batches, long from, long to) {
        Map<String, Writer> writers = new TreeMap<>();
        try {
            for (Path batch : batches) {
                long batchId = StoredBatches.batchId(batch);
                for (Path file : parquetFiles(batch)) {
                    ParquetRows.read(file, LiveMessages.SCHEMA, row -> {
                        String bucket = bucket(row);
                        writers.computeIfAbsent(bucket, b -> new Writer(b, from, to)).write(row, batchId);
                    });
                }
            }
            List<CompactedFiles.Part> parts = new ArrayList<>();
            for (Writer w : writers.values()) {
                parts.add(w.finish());
            }
            return parts;
        } catch (IOException | UncheckedIOException e) {
            writers.values().forEach(Writer::abandon);
            throw failure("compact live batches " + from + "-" + to + " in " + stored.folders().root(), e);
        }
    }

    /** Step two: the new list of compacted files takes effect. */
    void switchTo(CompactedFiles next) {
        stored.exclusively(() -> next.write(stored.folders().compacted()));
    }

    /** Step three: the compacted batch folders go. */
    void deleteBatches(List<Path> batches) {
        stored.exclusively(() -> {
            for (Path batch : batches) {
                delete(batch);
            }
        });
    }

    /**
     * Merges every bucket that is due into one file: a date before {@code openUtcDay}'s day before
     * (no click is expected there any more; a very late one starts a new small file, merged next
     * time) with two files or more, and any bucket with more than {@link #MAX_FILES_PER_BUCKET}.
     */
    List<CompactedFiles.Part> mergeBuckets(LocalDate openUtcDay) {
        Map<String, List<CompactedFiles.Part>> buckets = new LinkedHashMap<>();
        for (CompactedFiles.Part p : stored.compacted().parts()) {
            buckets.computeIfAbsent(p.bucket(), b -> new ArrayList<>()).add(p);
        }
        List<CompactedFiles.Part> merged = new ArrayList<>();
        for (Map.Entry<String, List<CompactedFiles.Part>> bucket : buckets.entrySet()) {
            List<CompactedFiles.Part> parts = bucket.getValue();
            LocalDate day = parts.get(0).utcDay();
            boolean over = day != null && openUtcDay != null && day.isBefore(openUtcDay.minusDays(1));
            if ((over && parts.size() > 1) || parts.size() > MAX_FILES_PER_BUCKET) {
                merged.add(merge(bucket.getKey(), parts));
            }
        }
        return merged;
    }

    private CompactedFiles.Part merge(String bucket, List<CompactedFiles.Part> parts) {
        CompactedFiles.Part merged = writeMerged(bucket, parts);
        // The list is read again: only this thread changes it, but it must be the latest.
        switchTo(stored.compacted().replacing(parts, merged));
        deleteParts(parts);
        return merged;
    }

    /** Step one of a merge: one new file with the rows of {@code parts}, in batch order. */
    CompactedFiles.Part writeMerged(String bucket, List<CompactedFiles.Part> parts) {
        List<CompactedFiles.Part> inOrder = new ArrayList<>(parts);
        inOrder.sort(Comparator.comparingLong(CompactedFiles.Part::from));
        long from = inOrder.get(0).from();
        long to = inOrder.stream().mapToLong(CompactedFiles.Part::to).max().orElseThrow();
        Writer w = new Writer(bucket, from, to);
        try {
            for (CompactedFiles.Part p : inOrder) {
                ParquetRows.read(stored.resolve(p), StoredBatches.STORED, w::writeStored);
            }
            return w.finish();
        } catch (IOException | UncheckedIOException e) {
            w.abandon();
            throw failure("merge the live files of " + bucket + " in " + stored.folders().days(), e);
        }
    }

    /** Step three of a merge: the merged files go. */
    void deleteParts(List<CompactedFiles.Part> parts) {
        stored.exclusively(() -> parts.forEach(p -> delete(stored.resolve(p))));
    }

    private static UncheckedIOException failure(String what, Exception e) {
        return new UncheckedIOException("Cannot " + what + ": " + e.getMessage(),
                e instanceof IOException io ? io : new IOException(e));
    }

    /** {@code date=<UTC date>} of a click; malformed messages have no time. */
    static String bucket(Object[] row) {
        Object timestamp = row[LiveMessages.SCHEMA.fieldIndex("timestamp")];
        if (row[LiveMessages.SCHEMA.fieldIndex(LiveMessages.REASON)] != null || timestamp == null) {
            return CompactedFiles.MALFORMED;
        }
        return CompactedFiles.bucket(LocalDate.ofEpochDay(Math.floorDiv((Long) timestamp, 86_400_000L)));
    }

    private static List<Path> parquetFiles(Path batch) throws IOException {
        try (Stream<Path> files = Files.list(batch)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    private static void delete(Path path) {
        try {
            LiveFolders.deleteTree(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    /** One new compacted file: written under a temporary name, renamed when complete. */
    private final class Writer {
        private final String bucket;
        private final String file;
        private final long from;
        private final long to;
        private final Path target;
        private final Path temp;
        private ParquetWriter<Object[]> out;
        private long rows;

        Writer(String bucket, long from, long to) {
            this.bucket = bucket;
            this.from = from;
            this.to = to;
            this.file = bucket + "/part-" + from + "-" + to + ".parquet";
            this.target = stored.folders().days().resolve(file);
            this.temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        }

        void write(Object[] message, long batchId) {
            Object[] row = java.util.Arrays.copyOf(message, StoredBatches.STORED.size());
            row[row.length - 1] = batchId;
            writeStored(row);
        }

        void writeStored(Object[] row) {
            try {
                if (out == null) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(temp);
                    out = ParquetRows.writer(temp, StoredBatches.STORED, ROW_GROUP_BYTES);
                }
                out.write(row);
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        CompactedFiles.Part finish() throws IOException {
            out.close();
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new CompactedFiles.Part(bucket, file, from, to, rows);
        }

        void abandon() {
            try {
                if (out != null) {
                    out.close();
                }
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // The next start deletes the unlisted file anyway.
            }
        }
    }
}
