package io.shoplens.engine.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A listener that keeps what it heard, and lets a test wait (polling, generous timeouts) for it. */
class LiveRecorder implements LiveListener {

    private final List<LiveUpdate> updates = new ArrayList<>();
    private final List<LiveStatus> statuses = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    @Override
    public synchronized void onUpdate(LiveUpdate update) {
        updates.add(update);
        notifyAll();
    }

    @Override
    public synchronized void onStatus(LiveStatus status, String detail) {
        statuses.add(status);
        details.add(status + ": " + detail);
        notifyAll();
    }

    synchronized List<LiveStatus> statuses() {
        return List.copyOf(statuses);
    }

    synchronized List<String> details() {
        return List.copyOf(details);
    }

    synchronized List<LiveUpdate> updates() {
        return List.copyOf(updates);
    }

    /** The first update (in arrival order) that satisfies {@code condition}. */
    synchronized LiveUpdate awaitUpdate(Predicate<LiveUpdate> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (LiveUpdate u : updates) {
                if (condition.test(u)) {
                    return u;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No live update as expected within " + timeout + "; last: "
                        + (updates.isEmpty() ? "none" : describe(updates.get(updates.size() - 1)))
                        + "; statuses: " + details);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits until {@code status} is heard at or after position {@code from} of the statuses. */
    synchronized int awaitStatus(LiveStatus status, int from, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = from; i < statuses.size(); i++) {
                if (statuses.get(i) == status) {
                    return i;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No status " + status + " within " + timeout + "; heard " + details);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private static String describe(LiveUpdate u) {
        return "batch " + u.batchId() + " clicks " + u.clicksTotal() + " malformed " + u.malformedTotal();
    }
}
