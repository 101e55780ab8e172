package io.shoplens.engine.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Staging folders: the importer writes a dataset's Parquet into one, on this machine, and
 * {@link Datasets#commit} puts it into the {@link DataFolder} under its id. Each is named
 * {@code .tmp-<pid@host>-<uuid>}, so opening the workspace deletes only those whose process is
 * gone, never a live import's. A data folder on a Hadoop file system gets the same names for the
 * copies on their way in.
 */
public final class Staging {

    static final String PREFIX = ".tmp-";
    /** The folder, relative to the data folder's root, that holds the datasets and their staging copies. */
    static final String DATA = "data";

    private final Path local;
    private final DataFolder data;

    /** @param workspaceFolder where the catalog is; staging is there when the data folder is remote */
    Staging(Path workspaceFolder, DataFolder data) {
        this.local = data.localStagingParent(workspaceFolder);
        this.data = data;
    }

    /** A fresh, empty staging folder for the importer to write Parquet into. */
    public Path newFolder() {
        Path staging = local.resolve(PREFIX + ProcessOwner.self() + "-" + UUID.randomUUID());
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

    /**
     * Where, relative to the data folder, the commit puts {@code staging}'s Parquet before renaming
     * it to its id: the staging folder itself when it is already there (a local data folder).
     */
    String placeOf(Path staging) {
        return DATA + "/" + staging.getFileName();
    }

    /** Whether the staging folders are inside the data folder, so that placing one is a no-op. */
    boolean stagesInPlace() {
        return data.isLocal();
    }

    /** A folder, relative to the data folder, to move a removed dataset's data aside to. */
    String asideFolder() {
        return DATA + "/" + PREFIX + "removed-" + UUID.randomUUID();
    }

    /** Deletes the staging folders, here and in the data folder, whose importing process is gone. */
    void deleteStale() {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(local, PREFIX + "*")) {
            for (Path staging : entries) {
                if (ProcessOwner.isGone(owner(staging.getFileName().toString()))) {
                    FileTrees.deleteTree(staging);
                }
            }
        } catch (IOException e) {
            throw new WorkspaceException("Cannot clean " + local + ": " + e.getMessage(), e);
        }
        if (data.isLocal()) {
            return;
        }
        try {
            for (DataFolder.Entry e : data.list(DATA)) {
                if (e.name().startsWith(PREFIX) && ProcessOwner.isGone(owner(e.name()))) {
                    data.deleteTree(DATA + "/" + e.name());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new WorkspaceException("Cannot reach the workspace's data folder " + data.root() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The owner in a staging folder's name, or null for a name without one. */
    static String owner(String stagingName) {
        String name = stagingName.substring(PREFIX.length());
        int uuid = name.length() - 37;
        return uuid > 0 && name.charAt(uuid) == '-' && name.substring(0, uuid).contains("@") ? name.substring(0, uuid) : null;
    }
}
