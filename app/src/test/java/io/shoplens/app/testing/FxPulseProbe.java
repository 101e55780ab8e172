package io.shoplens.app.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how long the FX thread was kept busy, so it could not pulse. An {@link AnimationTimer}
 * runs on every pulse; between two pulses the FX thread ran whatever was queued. Wall time alone
 * cannot tell a busy FX thread from a starved one (these tests share two cores with a loaded
 * machine: the load average reached 19, and then every thread wakes hundreds of ms late), so the
 * probe counts what only the FX thread's own work explains:
 * <ul>
 *   <li>the CPU time the FX thread used between two pulses (computing on the FX thread), and</li>
 *   <li>the longest run of samples (every 5 ms) that found the FX thread waiting (on I/O, a lock,
 *       a future) inside the app's own code — a blocking call made on the FX thread.</li>
 * </ul>
 * The wall-clock gap between pulses and how late a plain sleeping thread woke are reported beside.
 */
public final class FxPulseProbe {

    /** Pulses right after start lay out what changed when the probe started; the steady state counts. */
    private static final int SETTLING_PULSES = 10;
    private static final long SAMPLE_MILLIS = 5;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong lastPulse = new AtomicLong();
    private final AtomicLong lastCpu = new AtomicLong();
    private final AtomicLong longestGap = new AtomicLong();
    private final AtomicLong busiestGapCpu = new AtomicLong();
    private final AtomicLong pulses = new AtomicLong();
    private final AtomicLong samplerLateness = new AtomicLong();
    private final AtomicLong longestWaitInAppCode = new AtomicLong();
    private final AtomicBoolean probing = new AtomicBoolean();
    private AnimationTimer timer;

    /** Starts probing; call on the FX thread. */
    public void start() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("start the probe on the FX thread");
        }
        long fxThread = Thread.currentThread().getId();
        probing.set(true);
        Thread sampler = new Thread(() -> sample(fxThread), "pulse-probe-sampler");
        sampler.setDaemon(true);
        sampler.start();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long cpu = threads.getCurrentThreadCpuTime();
                long previous = lastPulse.getAndSet(now);
                long previousCpu = lastCpu.getAndSet(cpu);
                if (previous != 0 && pulses.get() > SETTLING_PULSES) {
                    longestGap.accumulateAndGet(now - previous, Math::max);
                    busiestGapCpu.accumulateAndGet(cpu - previousCpu, Math::max);
                }
                pulses.incrementAndGet();
            }
        };
        timer.start();
    }

    private void sample(long fxThread) {
        long waitingSince = -1;
        while (probing.get()) {
            long before = System.nanoTime();
            ThreadInfo info = threads.getThreadInfo(fxThread, 64);
            long now = System.nanoTime();
            if (info != null && isWaitingInAppCode(info)) {
                if (waitingSince < 0) {
                    waitingSince = now;
                }
                long waited = now - waitingSince;
                longestWaitInAppCode.accumulateAndGet(waited, Math::max);
            } else {
                waitingSince = -1;
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            samplerLateness.accumulateAndGet(System.nanoTime() - before - SAMPLE_MILLIS * 1_000_000L, Math::max);
        }
    }

    private static boolean isWaitingInAppCode(ThreadInfo info) {
        Thread.State state = info.getThreadState();
        boolean waiting = state == Thread.State.BLOCKED || state == Thread.State.WAITING
                || state == Thread.State.TIMED_WAITING;
        return waiting && Arrays.stream(info.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("io.shoplens."));
    }

    /** Stops probing; call on the FX thread. A stopped probe counts no gap that ends after the stop. */
    public void stop() {
        timer.stop();
        probing.set(false);
    }

    /** The longest run of samples that found the FX thread waiting inside app code. */
    public long waitInAppCodeMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longestWaitInAppCode.get());
    }

    public long pulses() {
        return pulses.get();
    }

    /** The longest time the FX thread was kept from pulsing by its own work: computing, or waiting in app code. */
    public long blockedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(Math.max(busiestGapCpu.get(), longestWaitInAppCode.get()));
    }

    @Override
    public String toString() {
        return String.format("FX pulse probe: %d pulses; FX thread at most %d ms CPU between two pulses and %d ms"
                        + " waiting in app code; longest wall gap %d ms while a sleeping thread woke up to %d ms late",
                pulses(), TimeUnit.NANOSECONDS.toMillis(busiestGapCpu.get()),
                TimeUnit.NANOSECONDS.toMillis(longestWaitInAppCode.get()),
                TimeUnit.NANOSECONDS.toMillis(longestGap.get()), TimeUnit.NANOSECONDS.toMillis(samplerLateness.get()));
    }
}
