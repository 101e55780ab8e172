package io.shoplens.app.instance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Where the running instance of one workspace listens: a Unix-domain socket and the lock file that
 * says whether its owner is alive. One instance per workspace, so opening another workspace's
 * {@code .shoplens} file starts its own window instead of being handed to the wrong one.
 *
 * @param socket the socket file the running instance binds
 * @param lock   the file it holds a lock on while it runs (released by the OS when it dies)
 */
public record InstanceAddress(Path socket, Path lock) {

    /** Linux's limit for a socket path is 108 bytes with the closing NUL; macOS's is 104. */
    static final int MAX_SOCKET_PATH_BYTES = 100;

    /**
     * The address for {@code workspace}: in {@code XDG_RUNTIME_DIR} (per user, mode 0700, emptied
     * at log-out) when there is one, else in the workspace folder itself (Windows, macOS). Empty
     * when the path would be too long for a socket; the app then runs without single-instance.
     */
    public static Optional<InstanceAddress> forWorkspace(Path workspace, Map<String, String> env) {
        Path absolute = workspace.toAbsolutePath().normalize();
        String name = "shoplens-" + shortHash(absolute.toString());
        String runtime = env.get("XDG_RUNTIME_DIR");
        Path folder = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime) : absolute;
        Path socket = folder.resolve(name + ".sock");
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH_BYTES) {
            return Optional.empty();
        }
        return Optional.of(new InstanceAddress(socket, folder.resolve(name + ".lock")));
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
