package io.shoplens.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
    private long partStart;
    private double partLoad;
    private long stepHeap;
    private long stepRss;

    void repeat(int number) {
        repeat = number;
    }

    <T> T time(String system, String step, Work<T> work) {
        double load = PeakMemory.loadAverage();
        stepHeap = 0;
        stepRss = 0;
        memory.reset();
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
        samples.add(new Sample(system, step, repeat, seconds, Math.max(stepHeap, memory.heapBytes()),
                Math.max(stepRss, memory.rssBytes()), load));
        return result;
    }

    void startPart() {
        partLoad = PeakMemory.loadAverage();
        stepHeap = Math.max(stepHeap, memory.heapBytes());
        stepRss = Math.max(stepRss, memory.rssBytes());
        memory.reset();
        partStart = System.nanoTime();
    }

    void endPart(String system, String part) {
        double seconds = (System.nanoTime() - partStart) / 1e9;
        long heap = memory.heapBytes();
        long rss = memory.rssBytes();
        stepHeap = Math.max(stepHeap, heap);
        stepRss = Math.max(stepRss, rss);
        samples.add(new Sample(system, part, repeat, seconds, heap, rss, partLoad));
    }

    List<Sample> samples() {
        return Collections.unmodifiableList(samples);
    }

    @Override
    public void close() {
        memory.close();
    }
}
