package io.shoplens.engine.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Moving and deleting the workspace's data folders. */
final class FileTrees {

    private FileTrees() {
    }

    /** A rename, atomic where the file system allows it. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Deletes a {@code .tmp-*} folder; one left behind is deleted by the next open. */
    static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException | UncheckedIOException e) {
            // Left behind, it is a .tmp-* folder: the next open deletes it.
        }
    }
}
