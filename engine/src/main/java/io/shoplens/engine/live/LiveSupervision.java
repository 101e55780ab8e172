package io.shoplens.engine.live;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * What the live views (ad clicks, GMV) share about keeping a Structured Streaming query going: the
 * status and its words, heard by the listener only when they change; the supervisor's loop that
 * restarts a failed query from its checkpoint (pausing 1 to 10 s), RECONNECTING while the broker
 * does not answer and OFFLINE once that has lasted longer than {@link LiveOptions#outageAfter()};
 * FAILED after {@value #MAX_FAILURES_WITH_BROKER_UP} failures in a row with the broker up; and the
 * watchdog's probe of the broker ({@link #probe}).
 */
final class LiveSupervision {

    private static final System.Logger LOG = System.getLogger(LiveSupervision.class.getName());
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    /** Failures in a row, with the broker reachable, after which the query is taken for broken. */
    private static final int MAX_FAILURES_WITH_BROKER_UP = 3;

    /** Starts a query; what its start may throw is a failure to retry. */
    @FunctionalInterface
    interface Start {
        StreamingQuery start() throws Exception;
    }

    private final KafkaSettings settings;
    private final char[] password;
    private final LiveOptions options;
    private final BiConsumer<LiveStatus, String> listener;
    private final BooleanSupplier closed;

    private volatile LiveStatus status = LiveStatus.STARTING;
    private volatile String detail = "";
    private volatile int failuresInARow;
    /** When the broker stopped answering; null while it answers. */
    private volatile Instant awaySince;
    /** Unanswered probes in a row: one slow answer on a busy machine is not an outage yet. */
    private int probeFailures;
    private Admin probe;

    /** {@code password}: the query's own copy (read, never wiped here); {@code closed}: whether the view was closed. */
    LiveSupervision(KafkaSettings settings, char[] password, LiveOptions options,
                    BiConsumer<LiveStatus, String> listener, BooleanSupplier closed) {
        this.settings = settings;
        this.password = password;
        this.options = options;
        this.listener = listener;
        this.closed = closed;
    }

    LiveStatus status() {
        return status;
    }

    String detail() {
        return detail;
    }

    /**
     * Starts queries until one ends by itself or the view is closed; {@code started} hears each
     * query started. Runs on the supervisor thread.
     */
    void supervise(Start start, Consumer<StreamingQuery> started) {
        long backoff = 1000;
        while (!closed.getAsBoolean()) {
            try {
                StreamingQuery q = start.start();
                started.accept(q);
                if (closed.getAsBoolean()) {
                    q.stop();
                    return;
                }
                q.awaitTermination();
                if (!closed.getAsBoolean()) {
                    report(LiveStatus.STOPPED, "The live query was stopped.");
                }
                return;
            } catch (Exception e) {
                // Also what Scala throws undeclared: an InterruptedException while closing.
                if (closed.getAsBoolean()) {
                    return;
                }
                ConnectionCheck broker = KafkaConnectionTester.test(settings, password, PROBE_TIMEOUT);
                if (broker.ok() && ++failuresInARow >= MAX_FAILURES_WITH_BROKER_UP) {
                    LOG.log(System.Logger.Level.WARNING, "Live query failed", e);
                    report(LiveStatus.FAILED, "The live query failed: " + rootMessage(e));
                    return;
                }
                if (broker.ok()) {
                    report(LiveStatus.RECONNECTING, "Restarting after: " + rootMessage(e));
                } else {
                    brokerAway(broker.message());
                }
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    /**
     * Asks the broker whether it answers and has the topic (the watchdog's call, every few
     * seconds): a Kafka source whose broker went away can wait long before it fails, and the
     * status should say so sooner. Two unanswered probes in a row are an outage.
     */
    void probe(StreamingQuery query) {
        if (closed.getAsBoolean() || status == LiveStatus.FAILED || status == LiveStatus.STOPPED) {
            return;
        }
        ConnectionCheck check;
        try {
            Admin admin = admin();
            admin.describeCluster().nodes().get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            admin.describeTopics(List.of(settings.topic())).allTopicNames()
                    .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            check = new ConnectionCheck(ConnectionCheck.Outcome.OK, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (TimeoutException e) {
            check = KafkaConnectionTester.failure(settings,
                    new org.apache.kafka.common.errors.TimeoutException(e.getMessage()), PROBE_TIMEOUT.toMillis());
        } catch (ExecutionException e) {
            check = KafkaConnectionTester.failure(settings, e.getCause(), PROBE_TIMEOUT.toMillis());
        } catch (RuntimeException e) {
            check = new ConnectionCheck(ConnectionCheck.Outcome.OTHER_ERROR, rootMessage(e));
        }
        if (closed.getAsBoolean()) {
            return;
        }
        probeFailures = check.ok() ? 0 : probeFailures + 1;
        if (!check.ok()) {
            brokerSilent();
        }
        if (probeFailures >= 2) {
            brokerAway(check.message());
        } else if (check.ok()) {
            brokerBack(query != null && query.isActive());
        }
    }

    private synchronized Admin admin() {
        if (probe == null) {
            Map<String, Object> props = new HashMap<>(KafkaClientProperties.of(settings, password));
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, "shoplens-live-watchdog");
            probe = Admin.create(props);
        }
        return probe;
    }

    /** Closes the probe's client; the watchdog has stopped. */
    synchronized void closeProbe() {
        if (probe != null) {
            probe.close(Duration.ZERO);
            probe = null;
        }
    }

    /** A batch went through: the broker answers and the query works. */
    void batchDone() {
        failuresInARow = 0;
        awaySince = null;
        report(LiveStatus.RUNNING, "");
    }

    /** The broker answered a probe; {@code queryRunning}: whether the query is active. */
    void brokerBack(boolean queryRunning) {
        awaySince = null;
        if (queryRunning && status != LiveStatus.RUNNING) {
            report(LiveStatus.RUNNING, "");
        }
    }

    /** The broker did not answer a probe: from then on the outage is timed. */
    void brokerSilent() {
        if (awaySince == null) {
            awaySince = Instant.now();
        }
    }

    /** RECONNECTING while the broker has been away for a short while, OFFLINE once it is a long while. */
    void brokerAway(String why) {
        Instant since = awaySince;
        if (since == null) {
            since = Instant.now();
            awaySince = since;
        }
        if (Duration.between(since, Instant.now()).compareTo(options.outageAfter()) >= 0) {
            report(LiveStatus.OFFLINE, "no answer from " + settings.bootstrapServers() + " for more than "
                    + describe(options.outageAfter()) + ": the tables show what was read until then, and the view"
                    + " reconnects by itself. " + why);
        } else {
            report(LiveStatus.RECONNECTING, why);
        }
    }

    private static String describe(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    synchronized void report(LiveStatus newStatus, String newDetail) {
        if (newStatus == status && newDetail.equals(detail)) {
            return;
        }
        if (closed.getAsBoolean() && newStatus != LiveStatus.STOPPED && newStatus != LiveStatus.FAILED) {
            return;
        }
        status = newStatus;
        detail = newDetail;
        try {
            listener.accept(newStatus, newDetail);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Live listener failed on status " + newStatus, e);
        }
    }

    /**
     * Stops the query once the batch under way is done (the batch lock is held while one runs),
     * then waits for the supervisor thread to end.
     */
    static void stop(Supplier<StreamingQuery> query, ReentrantLock batchLock, Thread supervisor)
            throws InterruptedException {
        batchLock.lock();
        try {
            StreamingQuery q = query.get();
            if (q != null) {
                q.stop();
            }
        } catch (TimeoutException e) {
            LOG.log(System.Logger.Level.WARNING, "Live query did not stop in time", e);
        } finally {
            batchLock.unlock();
        }
        // Stopping the query ends the supervisor's wait; interrupt only one that sleeps or hangs.
        supervisor.join(5_000);
        if (supervisor.isAlive()) {
            supervisor.interrupt();
            supervisor.join(30_000);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
