package io.shoplens.engine.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Staging folders under {@code data/}: the importer writes a dataset's Parquet into one, and
 * {@link Datasets#commit} renames it into place. Each is named {@code .tmp-<pid@host>-<uuid>}, so
 * opening the workspace deletes only those whose process is gone, never a live import's.
 */
public final class Staging {

    static final String PREFIX = ".tmp-";

    private final Path data;

    Staging(Path data) {
        this.data = data;
    }

    /** A fresh, empty staging folder for the importer to write Parquet into. */
    public Path newFolder() {
        Path staging = data.resolve(PREFIX + ProcessOwner.self() + "-" + UUID.randomUUID());
        try {
            return Files.createDirectories(staging);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot create " + staging + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a staging folder (after a failed or cancelled import). */
    public void discard(Path staging) {
        if (staging != null && staging.getFileName().toString().startsWith(PREFIX)) {
            FileTrees.deleteQuietly(staging);
        }
    }

    /** A folder to move a removed dataset's data aside to, deleted like a staging folder when left behind. */
    Path asideFolder() {
        return data.resolve(PREFIX + "removed-" + UUID.randomUUID());
    }

    /** Deletes the staging folders whose importing process is gone. */
    void deleteStale() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(data, PREFIX + "*")) {
            for (Path staging : entries) {
                if (ProcessOwner.isGone(owner(staging))) {
                    FileTrees.deleteTree(staging);
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException("Cannot clean " + data + ": " + e.getMessage(), e);
        }
    }

    /** The owner in a staging folder's name, or null for a name without one. */
    static String owner(Path staging) {
        String name = staging.getFileName().toString().substring(PREFIX.length());
        int uuid = name.length() - 37;
        return uuid > 0 && name.charAt(uuid) == '-' && name.substring(0, uuid).contains("@") ? name.substring(0, uuid) : null;
    }
}
