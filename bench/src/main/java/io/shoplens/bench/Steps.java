package io.shoplens.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wall time and peak memory of every benchmark step, per system and repeat. A step may have
 * parts (one per analysis inside "all analyses"): each part gets its own time and memory peak,
 * and the whole step's peak is the largest of its parts'.
 */
final class Steps implements AutoCloseable {

    static final String IMPORT = "import";
    static final String ALL = "all analyses";

    /** One measurement. Memory in bytes; load is the 1-minute load average when the step began. */
    record Sample(String system, String step, int repeat, double seconds, long heapBytes, long rssBytes, double load) {
    }

    /** A step's work; may throw anything, which ends the benchmark. */
    interface Work<T> {
        T run() throws Exception;
    }

    private final PeakMemory memory = new PeakMemory();
    private final List<Sample> samples = new ArrayList<>();
    private int repeat;
    private final Map<String, Long> partStarts = new HashMap<>();
    private final Map<String, Double> partLoads = new HashMap<>();
    private long stepHeap;
    private long stepRss;

    void repeat(int number) {
        repeat = number;
    }

    <T> T time(String system, String step, Work<T> work) {
        double load = PeakMemory.loadAverage();
        synchronized (this) {
            stepHeap = 0;
            stepRss = 0;
            memory.reset();
        }
        long start = System.nanoTime();
        T result;
        try {
            result = work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(system + " " + step + ": " + e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        synchronized (this) {
            samples.add(new Sample(system, step, repeat, seconds, Math.max(stepHeap, memory.heapBytes()),
                    Math.max(stepRss, memory.rssBytes()), load));
        }
        return result;
    }

    /**
     * A part begins. Parts may overlap (ShopLens runs products and ads beside its session
     * analyses): the memory peak restarts only when no other part is running, so an overlapping
     * part's peak covers the other's too, an upper bound like the rest of the memory figures.
     */
    synchronized void startPart(String part) {
        if (partStarts.isEmpty()) {
            stepHeap = Math.max(stepHeap, memory.heapBytes());
            stepRss = Math.max(stepRss, memory.rssBytes());
            memory.reset();
        }
        partStarts.put(part, System.nanoTime());
        partLoads.put(part, PeakMemory.loadAverage());
    }

    synchronized void endPart(String system, String part) {
        double seconds = (System.nanoTime() - partStarts.remove(part)) / 1e9;
        long heap = memory.heapBytes();
        long rss = memory.rssBytes();
        stepHeap = Math.max(stepHeap, heap);
        stepRss = Math.max(stepRss, rss);
        samples.add(new Sample(system, part, repeat, seconds, heap, rss, partLoads.remove(part)));
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() {
        memory.close();
    }
}
