package io.shoplens.app.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how long the FX thread was kept from pulsing. An {@link AnimationTimer} runs on every
 * pulse of the FX thread; a gap between two pulses is time the FX thread spent on something else
 * (blocked). A plain reference thread sleeps 5 ms at a time and notes how late it wakes: on a
 * shared machine a busy neighbour or a GC pause delays every thread alike, and only a delay the FX
 * thread has and the reference has not means the FX thread itself was busy.
 */
public final class FxPulseProbe {

    /** Pulses right after start lay out what changed when the probe started; the steady state counts. */
    private static final int SETTLING_PULSES = 10;

    private final AtomicLong last = new AtomicLong();
    private final AtomicLong longestGap = new AtomicLong();
    private final AtomicLong pulses = new AtomicLong();
    private final AtomicLong referenceLateness = new AtomicLong();
    private final AtomicBoolean probing = new AtomicBoolean();
    private AnimationTimer timer;
    private Thread reference;

    /** Starts probing; call on the FX thread. */
    public void start() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("start the probe on the FX thread");
        }
        probing.set(true);
        reference = new Thread(() -> {
            while (probing.get()) {
                long before = System.nanoTime();
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
                referenceLateness.accumulateAndGet(System.nanoTime() - before - 5_000_000L, Math::max);
            }
        }, "pulse-probe-reference");
        reference.setDaemon(true);
        reference.start();
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long previous = last.getAndSet(now);
                if (previous != 0 && pulses.get() > SETTLING_PULSES) {
                    longestGap.accumulateAndGet(now - previous, Math::max);
                }
                pulses.incrementAndGet();
            }
        };
        timer.start();
    }

    /** Stops probing; call on the FX thread. A stopped probe counts no gap that ends after the stop. */
    public void stop() {
        timer.stop();
        probing.set(false);
    }

    public long pulses() {
        return pulses.get();
    }

    public long longestGapMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longestGap.get());
    }

    public long referenceLatenessMillis() {
        return TimeUnit.NANOSECONDS.toMillis(referenceLateness.get());
    }

    /** The longest time the FX thread was blocked beyond what the machine delayed every thread. */
    public long blockedMillis() {
        return longestGapMillis() - referenceLatenessMillis();
    }

    @Override
    public String toString() {
        return String.format("FX pulse probe: %d pulses, longest gap %d ms; reference thread at most %d ms late",
                pulses(), longestGapMillis(), referenceLatenessMillis());
    }
}
