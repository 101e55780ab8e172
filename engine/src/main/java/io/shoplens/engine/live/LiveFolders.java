package io.shoplens.engine.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import io.shoplens.engine.workspace.Workspace;

/**
 * Where a connection's live view keeps its state in the workspace, under {@code live/<slug>/}:
 * <ul>
 *   <li>{@code checkpoint/}: Spark's offsets and commits;</li>
 *   <li>{@code messages/batch_id=N/}: each micro-batch's parsed clicks and malformed messages (Parquet),
 *       until compaction moves them into</li>
 *   <li>{@code days/date=yyyy-MM-dd/} (clicks by their UTC date) and {@code days/malformed/}, listed in
 *       {@code compacted.json} ({@link CompactedFiles});</li>
 *   <li>{@code merged-through}: the last batch id whose messages are stored and count;</li>
 *   <li>{@code state/}: the counts the open day's tables follow from ({@link LiveStateStore}).</li>
 * </ul>
 * Together they are the live view's memory: a restart resumes from them without losing or
 * repeating a click; the stored clicks alone are enough to rebuild the counts.
 */
public record LiveFolders(Path root) {

    public static LiveFolders of(Workspace workspace, String connectionName) {
        return new LiveFolders(workspace.folder().resolve("live").resolve(slug(connectionName)));
    }

    public Path checkpoint() {
        return root.resolve("checkpoint");
    }

    public Path messages() {
        return root.resolve("messages");
    }

    /** Compacted clicks, one folder per UTC date (and one for malformed messages). */
    public Path days() {
        return root.resolve("days");
    }

    /** Which compacted files count and through which batch ({@link CompactedFiles}). */
    Path compacted() {
        return root.resolve("compacted.json");
    }

    Path state() {
        return root.resolve("state");
    }

    /** Where a rebuild of the state is written before it replaces {@link #state()}. */
    Path stateRebuilding() {
        return root.resolve("state.rebuilding");
    }

    /** The id of the last stored batch the live view counted; see {@link StoredBatches}. */
    Path mergedThrough() {
        return root.resolve("merged-through");
    }

    Path batch(long batchId) {
        return messages().resolve("batch_id=" + batchId);
    }

    /** Forgets everything the live view read for this connection: the next start begins anew. */
    public void delete() {
        try {
            deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a folder with everything in it; nothing happens when it does not exist. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * A folder name for a connection name: its letters and digits, plus a short hash of the whole
     * name so that "A b" and "a-b" never share a checkpoint.
     */
    static String slug(String name) {
        String readable = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (readable.isEmpty() ? "connection" : readable) + "-" + String.format("%08x", name.hashCode());
    }
}
