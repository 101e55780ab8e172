package io.shoplens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import io.shoplens.engine.bench.PeakHeap;

/**
 * Peak memory of one benchmark step in this process: the JVM heap ({@link PeakHeap}, an upper
 * bound) and the resident set size sampled every 20 ms from /proc/self/status. The RSS includes
 * what DuckDB allocates outside the heap, which the heap figure cannot see; it also includes the
 * heap the JVM committed in earlier steps, so it is a ceiling, not a clean per-system figure.
 */
final class PeakMemory implements AutoCloseable {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final AtomicLong peakRss = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    PeakMemory() {
        sampler = new Thread(() -> {
            while (running) {
                peakRss.accumulateAndGet(currentRss(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    void reset() {
        PeakHeap.reset();
        peakRss.set(currentRss());
    }

    long heapBytes() {
        return PeakHeap.bytes();
    }

    /** Peak resident set size since {@link #reset()}. */
    long rssBytes() {
        return Math.max(peakRss.get(), currentRss());
    }

    private static long currentRss() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0; // not Linux: no RSS figure
        }
        return 0;
    }

    /** The 1-minute load average, or -1 where /proc/loadavg is missing. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
