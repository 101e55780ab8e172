package io.shoplens.app.live;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.live.ConnectionCheck;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.LiveDay;
import io.shoplens.engine.live.LiveGmvSettings;
import io.shoplens.engine.live.LiveListener;
import io.shoplens.engine.live.LiveQuery;
import io.shoplens.engine.live.LiveStatus;
import io.shoplens.engine.live.LiveUpdate;

/**
 * A {@link LiveService} without Kafka: connections in memory, a test answer set by the test, and
 * a query whose micro-batches the test pushes ({@link #push}) from a thread of its own, as the
 * streaming engine would.
 */
public final class FakeLiveService implements LiveService {

    private final List<KafkaSettings> saved = new CopyOnWriteArrayList<>();
    public volatile ConnectionCheck checkAnswer = new ConnectionCheck(ConnectionCheck.Outcome.OK, "topic ad_clicks, 3 partitions");
    /** What each call to test/start saw of the password, copied before the caller zeroes it. */
    public final List<String> passwordsSeen = new CopyOnWriteArrayList<>();
    public final List<KafkaSettings> started = new CopyOnWriteArrayList<>();
    /** The ads parameters of each start. */
    public final List<AdParams> paramsSeen = new CopyOnWriteArrayList<>();
    public volatile RuntimeException startFailure;
    /** The tables history answers with, per day; a day not in it fails. */
    public final Map<LocalDate, LiveDay> pastDays = new ConcurrentHashMap<>();
    /** Each history question: "query <day>" when the running query answered, "service <day>" after a stop. */
    public final List<String> historyAsked = new CopyOnWriteArrayList<>();
    private volatile LiveListener listener;
    private volatile FakeQuery query;

    @Override
    public List<KafkaSettings> savedConnections() {
        List<KafkaSettings> list = new ArrayList<>(saved);
        list.sort(Comparator.comparing(KafkaSettings::name));
        return list;
    }

    @Override
    public void saveConnection(KafkaSettings settings) {
        saved.removeIf(s -> s.name().equals(settings.name()));
        saved.add(settings);
    }

    /** The order mappings saved, by connection name. */
    final Map<String, LiveGmvSettings> gmvSaved = new java.util.LinkedHashMap<>();

    @Override
    public Optional<LiveGmvSettings> gmvConnection(String name) {
        return Optional.ofNullable(gmvSaved.get(name));
    }

    /** The live GMV views started, with the password each was lent (read at start). */
    public final List<LiveGmvSettings> gmvStarted = new java.util.ArrayList<>();
    public final List<String> gmvPasswords = new java.util.ArrayList<>();
    public io.shoplens.engine.live.LiveGmvListener gmvListener;
    public int gmvClosed;

    @Override
    public io.shoplens.engine.live.LiveGmvQuery startGmv(LiveGmvSettings settings, char[] password,
                                                        io.shoplens.engine.live.LiveGmvListener listener) {
        gmvStarted.add(settings);
        gmvPasswords.add(new String(password));
        gmvListener = listener;
        listener.onStatus(LiveStatus.RUNNING, "");
        return new io.shoplens.engine.live.LiveGmvQuery() {
            @Override
            public LiveStatus status() {
                return LiveStatus.RUNNING;
            }

            @Override
            public String detail() {
                return "";
            }

            @Override
            public void close() {
                gmvClosed++;
            }
        };
    }

    @Override
    public void saveGmvConnection(LiveGmvSettings settings) {
        gmvSaved.put(settings.connection().name(), settings);
        saveConnection(settings.connection());
    }

    @Override
    public void removeConnection(String name) {
        saved.removeIf(s -> s.name().equals(name));
    }

    @Override
    public ConnectionCheck test(KafkaSettings settings, char[] password) {
        passwordsSeen.add(new String(password));
        return checkAnswer;
    }

    @Override
    public LiveQuery start(KafkaSettings settings, char[] password, AdParams params, LiveListener listener) {
        passwordsSeen.add(new String(password));
        paramsSeen.add(params);
        if (startFailure != null) {
            throw startFailure;
        }
        started.add(settings);
        this.listener = listener;
        this.query = new FakeQuery(this);
        listener.onStatus(LiveStatus.RUNNING, "");
        return query;
    }

    @Override
    public LiveDay history(KafkaSettings settings, AdParams params, LocalDate day) {
        historyAsked.add("service " + day);
        return pastDay(day);
    }

    private LiveDay pastDay(LocalDate day) {
        LiveDay tables = pastDays.get(day);
        if (tables == null) {
            throw new IllegalStateException("No stored clicks of " + day);
        }
        return tables;
    }

    /** Delivers a micro-batch from another thread (the engine's streaming thread) and waits until it was handed over. */
    public void push(LiveUpdate update) {
        onStreamingThread(() -> listener.onUpdate(update));
    }

    public void status(LiveStatus status, String detail) {
        onStreamingThread(() -> listener.onStatus(status, detail));
    }

    /** The listener the last start was given (tests call it directly to pile updates up). */
    public LiveListener listener() {
        return listener;
    }

    public boolean closed() {
        return query != null && query.status == LiveStatus.STOPPED;
    }

    private static void onStreamingThread(Runnable call) {
        Thread thread = new Thread(call, "fake-stream-execution");
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class FakeQuery implements LiveQuery {
        private final FakeLiveService service;
        private volatile LiveStatus status = LiveStatus.RUNNING;

        FakeQuery(FakeLiveService service) {
            this.service = service;
        }

        @Override
        public LiveDay history(LocalDate day) {
            service.historyAsked.add("query " + day);
            return service.pastDay(day);
        }

        @Override
        public LiveStatus status() {
            return status;
        }

        @Override
        public void close() {
            status = LiveStatus.STOPPED;
        }
    }
}
