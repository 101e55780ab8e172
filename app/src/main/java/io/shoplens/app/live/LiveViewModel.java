package io.shoplens.app.live;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.ErrorText;
import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.ads.TopAds;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.live.KafkaSettings;
import io.shoplens.engine.live.LiveListener;
import io.shoplens.engine.live.LiveQuery;
import io.shoplens.engine.live.LiveStatus;
import io.shoplens.engine.live.LiveUpdate;

/**
 * The live view's state: the query's status, the stream's counters, the latest micro-batch's
 * tables of the open day, and a past day's tables when one is picked. The engine calls back on a
 * streaming thread; each call is handed to the FX thread, and updates that pile up before the FX
 * thread gets to them collapse into the latest one (every update carries the whole state, so
 * skipping one loses nothing).
 */
public final class LiveViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LiveService live;
    private final JobRunner jobs;
    private final DialogService dialogs;
    private final Messages messages;
    private final Executor fx;
    private final ZoneId zone;
    private final ConnectViewModel connect;

    private final ObjectProperty<LiveStatus> status = new SimpleObjectProperty<>();
    private final StringProperty statusDetail = new SimpleStringProperty("");
    private final StringProperty connectionName = new SimpleStringProperty("");
    private final ObjectProperty<LiveQuery> query = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<LiveUpdate> update = new ReadOnlyObjectWrapper<>();
    private final LongProperty clicks = new SimpleLongProperty();
    private final LongProperty malformed = new SimpleLongProperty();
    private final ObjectProperty<Instant> lastBatch = new SimpleObjectProperty<>();
    private final ObjectProperty<Duration> latency = new SimpleObjectProperty<>();
    private final ObservableList<String> malformedSamples = FXCollections.observableArrayList();
    /** The open day, then the past days newest first. */
    private final ObservableList<ShownDay> days = FXCollections.observableArrayList(ShownDay.LIVE);
    private final ObjectProperty<ShownDay> day = new SimpleObjectProperty<>(ShownDay.LIVE);
    /** Every province (empty), then the provinces of the shown top_ads. */
    private final ObservableList<Optional<String>> provinces = FXCollections.observableArrayList(Optional.empty());
    private final ObjectProperty<Optional<String>> province = new SimpleObjectProperty<>(Optional.empty());
    private final ReadOnlyObjectWrapper<LiveTables> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ResultTable> topShown = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty openingDay = new SimpleBooleanProperty();
    /** When the broker stopped answering (status RECONNECTING or OFFLINE after RUNNING); empty while it answers. */
    private final ObjectProperty<Optional<Instant>> awaySince = new SimpleObjectProperty<>(Optional.empty());

    private final StringBinding statusText;
    private final BooleanBinding running = query.isNotNull();
    /** The listener of the query started last; callbacks of an older one are ignored. */
    private Subscription current;
    /** The ads rules' parameters a start uses, asked for (on the FX thread) when it starts. */
    private Supplier<AdParams> adParams = AdParams::new;
    private ConnectPrompt connectPrompt = ConnectPrompt.NONE;
    /** The connection and rules of the last start: a past day opens with them after a stop. */
    private KafkaSettings lastSettings;
    private AdParams lastParams;

    /** @param fx runs a task on the FX thread ({@code Platform::runLater}; tests pass a queue they drain) */
    public LiveViewModel(LiveService live, JobRunner jobs, DialogService dialogs, Messages messages, Executor fx,
                         ZoneId zone) {
        this.live = live;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.messages = messages;
        this.fx = fx;
        this.zone = zone;
        this.connect = new ConnectViewModel(live, jobs, messages);
        statusText = Bindings.createStringBinding(() -> {
            String state;
            if (status.get() == LiveStatus.OFFLINE && awaySince.get().isPresent()) {
                // Before the first batch there are no tables to speak of: say that nothing was read.
                state = lastBatch.get() == null
                        ? messages.get("live.status.OFFLINE.nothingRead", time(awaySince.get().get()))
                        : messages.get("live.status.OFFLINE.since", time(awaySince.get().get()), time(lastBatch.get()));
            } else {
                state = messages.get("live.status." + (status.get() == null ? "IDLE" : status.get().name()));
            }
            String detail = statusDetail.get();
            return detail == null || detail.isBlank() ? state : state + " — " + detail;
        }, status, statusDetail, awaySince, lastBatch);
        day.addListener((obs, old, now) -> showDay(now == null ? ShownDay.LIVE : now));
        province.addListener(o -> showTop());
    }

    public LiveViewModel(LiveService live, JobRunner jobs, DialogService dialogs, Messages messages) {
        this(live, jobs, dialogs, messages, Platform::runLater, ZoneId.systemDefault());
    }

    /**
     * Where a start takes its blacklist threshold and time zone from (the Ads tab's fields, so the
     * live tables follow the same rules as the batch ones); the ads analysis' defaults until set.
     */
    public void useAdParams(Supplier<AdParams> source) {
        this.adParams = Objects.requireNonNull(source, "source");
    }

    /** Where Live ▸ Connect… shows its form (the window's dialogs). */
    public void useConnectPrompt(ConnectPrompt prompt) {
        this.connectPrompt = Objects.requireNonNull(prompt, "prompt");
    }

    /** Live ▸ Connect…: asks for the connection, then starts it. */
    public void connect() {
        connect.refresh();
        connectPrompt.connectLive(connect).ifPresent(this::start);
    }

    /** Starts reading {@code connection} (stopping a running query first); zeroes its password once the engine has it. */
    public void start(LiveConnection connection) {
        LiveQuery previous = query.get();
        query.set(null);
        Subscription subscription = new Subscription();
        current = subscription;
        connectionName.set(connection.settings().name());
        status.set(LiveStatus.STARTING);
        statusDetail.set("");
        clear();
        AdParams params = adParams.get();
        lastSettings = connection.settings();
        lastParams = params;
        jobs.submit(Job.of(messages.get("live.job.start", connection.settings().name()), ctx -> {
            try {
                if (previous != null) {
                    previous.close();
                }
                return live.start(connection.settings(), connection.password(), params, subscription);
            } finally {
                connection.clearPassword();
            }
        }).onSuccess(started -> {
            if (current == subscription) {
                query.set(started);
            } else {
                closeInBackground(started);
            }
        }).onFailure(error -> {
            if (current == subscription) {
                status.set(LiveStatus.FAILED);
                statusDetail.set(ErrorText.summary(error));
            }
            dialogs.notifyError(messages.get("live.failed"), error);
        }).onFinished(connection::clearPassword));
    }

    /** Live ▸ Stop: stops the query, waiting for its current micro-batch. */
    public void stop() {
        LiveQuery running = query.get();
        if (running == null) {
            return;
        }
        query.set(null);
        // close() waits for the current micro-batch, which can take a while on a busy machine.
        statusDetail.set(messages.get("live.stopping"));
        Subscription stopped = current;
        jobs.submit(Job.of(messages.get("live.job.stop"), ctx -> {
            running.close();
            return running;
        }).onFinished(() -> {
            if (current == stopped) {
                current = null;
                status.set(LiveStatus.STOPPED);
                statusDetail.set("");
            }
        }));
    }

    /** On exit: stops the running query here and now (it waits for its current micro-batch). */
    public void close() {
        LiveQuery running = query.get();
        current = null;
        query.set(null);
        if (running != null) {
            running.close();
        }
    }

    private void closeInBackground(LiveQuery stale) {
        jobs.submit(Job.of(messages.get("live.job.stop"), ctx -> {
            stale.close();
            return stale;
        }).quiet());
    }

    private void clear() {
        update.set(null);
        clicks.set(0);
        malformed.set(0);
        lastBatch.set(null);
        latency.set(null);
        malformedSamples.clear();
        awaySince.set(Optional.empty());
        day.set(ShownDay.LIVE);
        days.setAll(ShownDay.LIVE);
        shown.set(null);
        showTop();
    }

    /** On the FX thread: shows one micro-batch's results. */
    private void apply(LiveUpdate next) {
        clicks.set(next.clicksTotal());
        malformed.set(next.malformedTotal());
        lastBatch.set(next.completedAt());
        latency.set(next.batchLatestClick() == null ? null
                : Duration.between(next.batchLatestClick(), next.completedAt()));
        if (!malformedSamples.equals(next.malformedSamples())) {
            malformedSamples.setAll(next.malformedSamples());
        }
        List<ShownDay> newestFirst = new ArrayList<>();
        newestFirst.add(ShownDay.LIVE);
        for (int i = next.pastDays().size() - 1; i >= 0; i--) {
            newestFirst.add(ShownDay.past(next.pastDays().get(i)));
        }
        replaceIfChanged(days, newestFirst);
        update.set(next);
        if (ShownDay.LIVE.equals(day.get())) {
            show(new LiveTables(next.openDay(), next.tables(), true));
        }
    }

    /** Shows the open day's tables, or opens a past day's in the background. */
    private void showDay(ShownDay chosen) {
        if (chosen instanceof ShownDay.Past past) {
            openPastDay(past.day());
        } else {
            LiveUpdate latest = update.get();
            show(latest == null ? null : new LiveTables(latest.openDay(), latest.tables(), true));
        }
    }

    private void openPastDay(LocalDate past) {
        LiveQuery running = query.get();
        KafkaSettings settings = lastSettings;
        AdParams params = lastParams;
        if (running == null && settings == null) {
            return;
        }
        openingDay.set(true);
        jobs.submit(Job.of(messages.get("live.job.history", past), ctx -> running != null
                ? running.history(past) : live.history(settings, params, past)).onSuccess(tables -> {
            if (ShownDay.past(past).equals(day.get())) {
                show(new LiveTables(Optional.of(tables.day()), tables.tables(), false));
            }
        }).onFailure(error -> {
            dialogs.notifyError(messages.get("live.history.failed", past), error);
            if (ShownDay.past(past).equals(day.get())) {
                day.set(ShownDay.LIVE);
            }
        }).onFinished(() -> openingDay.set(false)));
    }

    private void show(LiveTables tables) {
        shown.set(tables);
        List<Optional<String>> items = new ArrayList<>();
        items.add(Optional.empty());
        if (tables != null) {
            TopAds.provinces(tables.table("top_ads")).forEach(p -> items.add(Optional.of(p)));
        }
        replaceIfChanged(provinces, items);
        showTop();
    }

    /** The top_ads rows of the shown day and the chosen province. */
    private void showTop() {
        LiveTables tables = shown.get();
        if (tables == null) {
            topShown.set(null);
            return;
        }
        // A picker may hand back null while its items change: that is every province too.
        Optional<String> where = province.get() == null ? Optional.empty() : province.get();
        topShown.set(TopAds.on(tables.table("top_ads"), null, where.orElse(null)));
    }

    /** A picker's items change only when they differ: setAll would clear the picker's selection. */
    private static <T> void replaceIfChanged(ObservableList<T> list, List<T> items) {
        if (list.equals(items)) {
            return;
        }
        List<T> added = items.stream().filter(i -> !list.contains(i)).toList();
        list.removeIf(i -> !items.contains(i));
        list.addAll(added);
        list.sort(java.util.Comparator.comparingInt(items::indexOf));
    }

    /** The engine's callbacks, handed to the FX thread; piled-up updates collapse into the latest. */
    private final class Subscription implements LiveListener {

        private final AtomicReference<LiveUpdate> pending = new AtomicReference<>();

        @Override
        public void onUpdate(LiveUpdate next) {
            if (pending.getAndSet(next) == null) {
                fx.execute(() -> {
                    LiveUpdate latest = pending.getAndSet(null);
                    if (latest != null && current == this) {
                        apply(latest);
                    }
                });
            }
        }

        @Override
        public void onStatus(LiveStatus next, String detail) {
            Instant heard = Instant.now();
            fx.execute(() -> {
                if (current == this) {
                    boolean away = next == LiveStatus.RECONNECTING || next == LiveStatus.OFFLINE;
                    if (!away) {
                        awaySince.set(Optional.empty());
                    } else if (awaySince.get().isEmpty()) {
                        awaySince.set(Optional.of(heard));
                    }
                    status.set(next);
                    statusDetail.set(detail == null ? "" : detail);
                }
            });
        }
    }

    // Texts of the counters.

    public StringBinding clicksText() {
        return Bindings.createStringBinding(() -> count(clicks.get()), clicks);
    }

    public StringBinding malformedText() {
        return Bindings.createStringBinding(() -> count(malformed.get()), malformed);
    }

    public StringBinding lastBatchText() {
        return Bindings.createStringBinding(() -> lastBatch.get() == null ? messages.get("live.none")
                : time(lastBatch.get()), lastBatch);
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }

    public StringBinding latencyText() {
        return Bindings.createStringBinding(() -> latency.get() == null ? messages.get("live.none")
                : duration(latency.get()), latency);
    }

    private String count(long value) {
        return java.text.NumberFormat.getIntegerInstance(messages.locale()).format(value);
    }

    /** A latency as a person reads it: ms under a second, then s, min, h, days. */
    String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1_000) {
            return messages.get("live.duration.ms", ms);
        }
        if (ms < 60_000) {
            return messages.get("live.duration.s", ms / 1000.0);
        }
        if (ms < 3_600_000) {
            return messages.get("live.duration.min", ms / 60_000);
        }
        if (ms < 172_800_000) {
            return messages.get("live.duration.h", ms / 3_600_000);
        }
        return messages.get("live.duration.d", ms / 86_400_000);
    }

    public ConnectViewModel connectModel() {
        return connect;
    }

    public ReadOnlyObjectProperty<LiveStatus> statusProperty() {
        return status;
    }

    public StringBinding statusTextProperty() {
        return statusText;
    }

    public StringProperty connectionNameProperty() {
        return connectionName;
    }

    /** True while a query runs (Stop is offered). */
    public BooleanBinding runningProperty() {
        return running;
    }

    /** The latest micro-batch shown; null before the first. */
    public ReadOnlyObjectProperty<LiveUpdate> updateProperty() {
        return update.getReadOnlyProperty();
    }

    public LongProperty clicksProperty() {
        return clicks;
    }

    public LongProperty malformedProperty() {
        return malformed;
    }

    public ObjectProperty<Instant> lastBatchProperty() {
        return lastBatch;
    }

    public ObjectProperty<Duration> latencyProperty() {
        return latency;
    }

    public ObservableList<String> malformedSamples() {
        return malformedSamples;
    }

    /** {@link ShownDay#LIVE}, then the past days, newest first. */
    public ObservableList<ShownDay> days() {
        return days;
    }

    /** The day the tables are of: {@link ShownDay#LIVE} follows the open day. */
    public ObjectProperty<ShownDay> dayProperty() {
        return day;
    }

    /** Every province (empty), then the provinces of the shown day's top_ads. */
    public ObservableList<Optional<String>> provinces() {
        return provinces;
    }

    public ObjectProperty<Optional<String>> provinceProperty() {
        return province;
    }

    /** The tables shown: the open day's or a past day's; null before the first micro-batch. */
    public ReadOnlyObjectProperty<LiveTables> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The top_ads rows the bars show. */
    public ReadOnlyObjectProperty<ResultTable> topShownProperty() {
        return topShown.getReadOnlyProperty();
    }

    /** True while a past day's tables are being read. */
    public BooleanProperty openingDayProperty() {
        return openingDay;
    }

    /** When the broker stopped answering; empty while it answers. */
    public ObjectProperty<Optional<Instant>> awaySinceProperty() {
        return awaySince;
    }
}
