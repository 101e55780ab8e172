package io.shoplens.engine.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How a live query runs.
 *
 * @param trigger      how often a micro-batch starts when clicks keep coming
 * @param outageAfter  how long the broker may not answer before the status says OFFLINE
 * @param compactEvery how often stored micro-batches are compacted into daily files
 */
public record LiveOptions(Duration trigger, Duration outageAfter, Duration compactEvery) {

    public static final LiveOptions DEFAULT = new LiveOptions(Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(5));

    public LiveOptions {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(outageAfter, "outageAfter");
        Objects.requireNonNull(compactEvery, "compactEvery");
    }

    public LiveOptions withTrigger(Duration value) {
        return new LiveOptions(value, outageAfter, compactEvery);
    }

    public LiveOptions withOutageAfter(Duration value) {
        return new LiveOptions(trigger, value, compactEvery);
    }

    public LiveOptions withCompactEvery(Duration value) {
        return new LiveOptions(trigger, outageAfter, value);
    }
}
