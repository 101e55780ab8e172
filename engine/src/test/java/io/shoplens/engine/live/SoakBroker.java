package io.shoplens.engine.live;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A Kafka broker as a process of its own, for the live soak ({@link LiveSoak}), which stops it and
 * starts it again: {@code SoakBroker <log folder> <port> <controller port>}. Prints "ready" when it
 * takes connections; a SIGTERM shuts it down cleanly, keeping its log folder.
 */
public final class SoakBroker {

    private SoakBroker() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.startOn(Path.of(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            stopped.countDown();
        }, "soak-broker-stop"));
        System.out.println("ready " + kafka.bootstrapServers());
        System.out.flush();
        stopped.await();
    }
}
