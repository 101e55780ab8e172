package io.shoplens.app.instance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * One running ShopLens per workspace. The first launch locks {@link InstanceAddress#lock()} and
 * listens on a Unix-domain socket (a file, no network port); a later launch finds the lock taken,
 * sends its arguments over the socket and exits before JavaFX or Spark load.
 *
 * <p>The lock, not the socket file, says whether the owner is alive: the OS releases it when the
 * process dies, however it dies, while a killed process leaves its socket file behind. Whoever
 * gets the lock therefore replaces any socket file it finds.
 */
public final class SingleInstance {

    private static final System.Logger LOG = System.getLogger(SingleInstance.class.getName());

    /** How long a second launch keeps trying while the first is between locking and listening. */
    private static final Duration HAND_OFF_PATIENCE = Duration.ofSeconds(3);
    private static final long RETRY_MILLIS = 50;

    /** What {@link #claim} found. */
    public sealed interface Claim permits Primary, HandedOff, Unavailable {
    }

    /** This process runs the workspace; close it at exit. */
    public record Primary(PrimaryInstance instance) implements Claim {
    }

    /** A running instance has the arguments; this process should exit. */
    public record HandedOff() implements Claim {
    }

    /** Neither worked (logged); the app runs on its own. */
    public record Unavailable(String reason) implements Claim {
    }

    private SingleInstance() {
    }

    /** Becomes the instance for {@code address}, or hands {@code arguments} to the one that is. */
    public static Claim claim(InstanceAddress address, List<String> arguments) {
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(address.lock().getParent());
            lockChannel = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(lockChannel);
            if (lock != null) {
                return new Primary(listen(address, lockChannel, lock));
            }
            lockChannel.close();
            lockChannel = null;
            return handOff(address, arguments);
        } catch (IOException | RuntimeException e) {
            closeQuietly(lockChannel);
            LOG.log(System.Logger.Level.WARNING, "Single-instance check failed; starting on its own", e);
            return new Unavailable(e.toString());
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // This JVM already holds it (another "instance" in the same process, as in tests).
            return null;
        }
    }

    private static PrimaryInstance listen(InstanceAddress address, FileChannel lockChannel, FileLock lock)
            throws IOException {
        // Left by an owner that was killed: we hold the lock, so nobody is listening on it.
        Files.deleteIfExists(address.socket());
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(address.socket()));
            ownerOnly(address);
        } catch (IOException | RuntimeException e) {
            server.close();
            lock.release();
            lockChannel.close();
            throw e;
        }
        return new PrimaryInstance(address, server, lockChannel);
    }

    /** The runtime folder is private already; the workspace folder may not be. */
    private static void ownerOnly(InstanceAddress address) throws IOException {
        if (address.socket().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(address.socket(), PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static Claim handOff(InstanceAddress address, List<String> arguments) throws IOException {
        long deadline = System.nanoTime() + HAND_OFF_PATIENCE.toNanos();
        while (true) {
            try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(address.socket()))) {
                InstanceMessage.write(new DataOutputStream(Channels.newOutputStream(channel)), arguments);
                int reply = new DataInputStream(Channels.newInputStream(channel)).read();
                if (reply != InstanceMessage.ACK) {
                    return new Unavailable("the running instance did not confirm (" + reply + ")");
                }
                return new HandedOff();
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    LOG.log(System.Logger.Level.WARNING, "The running instance does not answer on "
                            + address.socket() + "; starting on its own", e);
                    return new Unavailable(e.toString());
                }
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Unavailable("interrupted");
            }
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing " + closeable, e);
        }
    }
}
