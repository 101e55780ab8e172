package io.shoplens.engine.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.shoplens.engine.testing.TestSpark;

/** A desktop app must not open ports to the network: every socket this JVM listens on is loopback. */
@EnabledOnOs(OS.LINUX)
class LoopbackOnlyTest {

    private static final String LISTEN = "0A";

    @Test
    void sparkListensOnLoopbackOnly() throws IOException {
        TestSpark.session().range(10).count();

        Set<String> ourSockets = socketInodes();
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals(LISTEN) && ourSockets.contains(f[9])) {
                    listening.add(f[1]);
                }
            }
        }

        assertThat(listening).as("Spark's driver and block manager listen").isNotEmpty();
        assertThat(listening).allSatisfy(address -> assertThat(isLoopback(address)).as(address).isTrue());
    }

    /** {@code 0100007F:9C43} (IPv4, little-endian) or the IPv6 form, possibly IPv4-mapped. */
    static boolean isLoopback(String hexAddressAndPort) {
        String address = hexAddressAndPort.substring(0, hexAddressAndPort.indexOf(':'));
        if (address.length() == 8) {
            return address.endsWith("7F");
        }
        return address.equals("00000000000000000000000001000000")
                || address.equals("0000000000000000FFFF00000100007F") || address.endsWith("FFFF00000100007F");
    }

    private static Set<String> socketInodes() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // the fd closed while we listed them
                }
            }
        }
        return inodes;
    }
}
