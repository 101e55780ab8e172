package io.shoplens.engine.workspace;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who owns a running analysis or a staging folder: {@code pid@host}. Several processes may have
 * one workspace open (the app and a CLI), so recovery on open must only clean up after owners
 * that are gone, never after a live one.
 */
final class ProcessOwner {

    private static final String SELF = ProcessHandle.current().pid() + "@" + host();

    private ProcessOwner() {
    }

    static String self() {
        return SELF;
    }

    /** The pid in {@code owner} when it names this host, so its liveness can be checked here. */
    static Optional<Long> localPid(String owner) {
        if (owner == null) {
            return Optional.empty();
        }
        int at = owner.indexOf('@');
        if (at <= 0 || !owner.substring(at + 1).equals(host())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(owner.substring(0, at)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether what {@code owner} left may be cleaned up: its process is gone. An owner on another
     * host (a shared folder) cannot be checked and is presumed alive; one recorded before owners
     * were (null) is presumed gone.
     */
    static boolean isGone(String owner) {
        if (owner == null) {
            return true;
        }
        if (owner.indexOf('@') > 0 && !owner.endsWith("@" + host())) {
            return false;
        }
        return localPid(owner).flatMap(ProcessHandle::of).map(p -> !p.isAlive()).orElse(true);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
