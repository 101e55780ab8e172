package io.shoplens.engine.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.files.AtomicFiles;

/**
 * The list of compacted files that count ({@code compacted.json}): each micro-batch up to {@code
 * through} is in exactly these files, and any other file under {@code days/} or batch folder at or
 * below {@code through} is a leftover of an interrupted compaction. Writing the list (an atomic
 * rename) is the one moment a compaction takes effect.
 *
 * @param through the last batch whose rows are in the compacted files; -1 for none
 */
record CompactedFiles(long through, List<Part> parts) {

    static final String MALFORMED = "malformed";
    private static final ObjectMapper JSON = new ObjectMapper();

    CompactedFiles {
        parts = List.copyOf(parts);
    }

    /**
     * One compacted file: the rows of batches {@code from} to {@code to} in one bucket, which is
     * {@code date=yyyy-MM-dd} (clicks by their UTC date) or {@value #MALFORMED}.
     *
     * @param file relative to the connection's {@code days/} folder
     */
    record Part(String bucket, String file, long from, long to, long rows) {

        /** The UTC date of a date bucket; null for the malformed bucket. */
        LocalDate utcDay() {
            return bucket.startsWith("date=") ? LocalDate.parse(bucket.substring("date=".length())) : null;
        }
    }

    static String bucket(LocalDate utcDay) {
        return "date=" + utcDay;
    }

    static CompactedFiles none() {
        return new CompactedFiles(-1, List.of());
    }

    static CompactedFiles read(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        try {
            return JSON.readValue(file.toFile(), CompactedFiles.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    void write(Path file) {
        try {
            AtomicFiles.write(file, out -> out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** These parts replaced by {@code merged}. */
    CompactedFiles replacing(Collection<Part> replaced, Part merged) {
        List<Part> next = new ArrayList<>(parts);
        next.removeAll(replaced);
        next.add(merged);
        return new CompactedFiles(through, next);
    }

    /** These parts added, and the batches through {@code newThrough} compacted. */
    CompactedFiles adding(Collection<Part> added, long newThrough) {
        List<Part> next = new ArrayList<>(parts);
        next.addAll(added);
        return new CompactedFiles(newThrough, next);
    }

    Set<String> files() {
        return parts.stream().map(Part::file).collect(Collectors.toSet());
    }
}
