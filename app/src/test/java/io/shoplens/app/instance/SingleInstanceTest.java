package io.shoplens.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleInstanceTest {

    @TempDir
    Path runtime;

    private InstanceAddress address() {
        return InstanceAddress.forWorkspace(runtime.resolve("workspace"), Map.of("XDG_RUNTIME_DIR", runtime.toString()))
                .orElseThrow();
    }

    @Test
    void secondLaunchHandsItsArgumentsToTheFirst() throws Exception {
        InstanceAddress address = address();
        SingleInstance.Claim first = SingleInstance.claim(address, List.of());
        assertThat(first).isInstanceOf(SingleInstance.Primary.class);
        try (PrimaryInstance primary = ((SingleInstance.Primary) first).instance()) {
            BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
            primary.onArguments(received::add);

            SingleInstance.Claim second = SingleInstance.claim(address, List.of("/logs/a.csv", "/logs/日志 b.tsv"));

            assertThat(second).isInstanceOf(SingleInstance.HandedOff.class);
            assertThat(received.poll(30, TimeUnit.SECONDS)).containsExactly("/logs/a.csv", "/logs/日志 b.tsv");
        }
    }

    @Test
    void argumentsThatArriveBeforeTheWindowIsReadyAreKept() throws Exception {
        InstanceAddress address = address();
        try (PrimaryInstance primary = ((SingleInstance.Primary) SingleInstance.claim(address, List.of())).instance()) {
            assertThat(SingleInstance.claim(address, List.of("/one"))).isInstanceOf(SingleInstance.HandedOff.class);
            assertThat(SingleInstance.claim(address, List.of())).isInstanceOf(SingleInstance.HandedOff.class);

            BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
            primary.onArguments(received::add);

            List<List<String>> both = List.of(received.poll(30, TimeUnit.SECONDS), received.poll(30, TimeUnit.SECONDS));
            assertThat(both).containsExactlyInAnyOrder(List.of("/one"), List.of());
        }
    }

    @Test
    void aSocketLeftByAKilledInstanceIsTakenOver() throws Exception {
        InstanceAddress address = address();
        // A killed process leaves its socket file (and the lock file, unlocked) behind.
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(address.socket()));
        }
        Files.writeString(address.lock(), "");
        assertThat(address.socket()).exists();

        SingleInstance.Claim claim = SingleInstance.claim(address, List.of());

        assertThat(claim).isInstanceOf(SingleInstance.Primary.class);
        try (PrimaryInstance primary = ((SingleInstance.Primary) claim).instance()) {
            BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
            primary.onArguments(received::add);
            assertThat(SingleInstance.claim(address, List.of("/again"))).isInstanceOf(SingleInstance.HandedOff.class);
            assertThat(received.poll(30, TimeUnit.SECONDS)).containsExactly("/again");
        }
    }

    @Test
    void afterTheFirstClosesTheNextLaunchRunsTheWorkspace() {
        InstanceAddress address = address();
        ((SingleInstance.Primary) SingleInstance.claim(address, List.of())).instance().close();

        assertThat(address.socket()).doesNotExist();
        SingleInstance.Claim next = SingleInstance.claim(address, List.of());
        assertThat(next).isInstanceOf(SingleInstance.Primary.class);
        ((SingleInstance.Primary) next).instance().close();
    }

    @Test
    void eachWorkspaceHasItsOwnAddressInTheRuntimeFolder() {
        Map<String, String> env = Map.of("XDG_RUNTIME_DIR", runtime.toString());
        InstanceAddress one = InstanceAddress.forWorkspace(runtime.resolve("one"), env).orElseThrow();

        assertThat(one.socket().getParent()).isEqualTo(runtime);
        assertThat(one.socket().getFileName().toString()).startsWith("shoplens-").endsWith(".sock");
        assertThat(InstanceAddress.forWorkspace(runtime.resolve("x/../one"), env)).contains(one);
        assertThat(InstanceAddress.forWorkspace(runtime.resolve("two"), env).orElseThrow()).isNotEqualTo(one);
    }

    @Test
    void withoutARuntimeFolderTheWorkspaceHoldsTheSocketUnlessThePathIsTooLong() {
        Path workspace = runtime.resolve("ws");
        assertThat(InstanceAddress.forWorkspace(workspace, Map.of()).orElseThrow().socket().getParent())
                .isEqualTo(workspace);

        Path deep = runtime.resolve("a".repeat(120));
        assertThat(InstanceAddress.forWorkspace(deep, Map.of())).isEmpty();
    }
}
