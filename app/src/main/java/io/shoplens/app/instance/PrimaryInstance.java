package io.shoplens.app.instance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The running instance's end of the socket. Arguments that arrive before the window is ready to
 * take them are kept and delivered when {@link #onArguments} is set.
 */
public final class PrimaryInstance implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PrimaryInstance.class.getName());

    private final InstanceAddress address;
    private final ServerSocketChannel server;
    private final FileChannel lockChannel;
    private final List<List<String>> early = new ArrayList<>();
    private Consumer<List<String>> receiver;
    private volatile boolean closed;

    PrimaryInstance(InstanceAddress address, ServerSocketChannel server, FileChannel lockChannel) {
        this.address = address;
        this.server = server;
        this.lockChannel = lockChannel;
        Thread acceptor = new Thread(this::accept, "shoplens-instance");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public InstanceAddress address() {
        return address;
    }

    /** Called (on the listener's thread) with each later launch's arguments, earlier ones first. */
    public void onArguments(Consumer<List<String>> newReceiver) {
        List<List<String>> pending;
        synchronized (this) {
            receiver = newReceiver;
            pending = List.copyOf(early);
            early.clear();
        }
        pending.forEach(newReceiver);
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel channel = server.accept();
                // A thread per launch: a client that never writes must not hold up the next one.
                Thread reader = new Thread(() -> receive(channel), "shoplens-instance-client");
                reader.setDaemon(true);
                reader.start();
            } catch (AsynchronousCloseException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "Single-instance socket failed; later launches start their own", e);
                }
                return;
            }
        }
    }

    private void receive(SocketChannel channel) {
        try (channel) {
            List<String> arguments = InstanceMessage.read(new DataInputStream(Channels.newInputStream(channel)));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            out.write(InstanceMessage.ACK);
            out.flush();
            deliver(arguments);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "A second launch sent an unreadable message", e);
        }
    }

    private void deliver(List<String> arguments) {
        Consumer<List<String>> current;
        synchronized (this) {
            current = receiver;
            if (current == null) {
                early.add(arguments);
                return;
            }
        }
        current.accept(arguments);
    }

    /** Stops listening, removes the socket file and releases the lock. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        SingleInstance.closeQuietly(server);
        try {
            Files.deleteIfExists(address.socket());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Removing " + address.socket(), e);
        }
        // Closing the channel releases the lock; the lock file itself stays (deleting it would
        // race with a launch that has just opened it).
        SingleInstance.closeQuietly(lockChannel);
    }
}
