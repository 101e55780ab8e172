package io.shoplens.app.live;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.shoplens.app.common.ErrorText;
import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.live.LiveGmvListener;
import io.shoplens.engine.live.LiveGmvQuery;
import io.shoplens.engine.live.LiveGmvSettings;
import io.shoplens.engine.live.LiveGmvUpdate;
import io.shoplens.engine.live.LiveStatus;

/**
 * The live GMV view's state: the big numbers of today against the same time yesterday, and the
 * latest micro-batch's tables (per-minute GMV, paid/free, the page funnel). The engine calls back
 * on a streaming thread; each call is handed to the FX thread, and updates that pile up before
 * it gets to them collapse into the latest (each carries the whole state).
 */
public final class LiveGmvViewModel implements LiveGmvListener {

    /** The five big numbers, in the order they are shown. */
    public static final List<String> MEASURES = List.of("sessions", "orders", "gmv", "conversion", "aov");

    /**
     * One big number: today's value, yesterday's at the same time of day (null when the view has
     * not read the day before), and the relative change (null without yesterday or when it was 0).
     */
    public record BigNumber(String measure, Double today, Double yesterday, Double change) {
    }

    private final Executor fx;
    private final AtomicReference<LiveGmvUpdate> pending = new AtomicReference<>();

    private final ObjectProperty<LiveStatus> status = new SimpleObjectProperty<>();
    private final StringProperty statusDetail = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<LiveGmvUpdate> update = new ReadOnlyObjectWrapper<>();
    private final ObservableList<BigNumber> bigNumbers = FXCollections.observableArrayList();
    private final StringProperty through = new SimpleStringProperty("");
    private final LongProperty actions = new SimpleLongProperty();
    private final LongProperty malformed = new SimpleLongProperty();
    private final ReadOnlyLongWrapper malformedActions = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper malformedOrders = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper readsOrders = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<LiveGmvUpdate.DayBefore> dayBefore =
            new ReadOnlyObjectWrapper<>(LiveGmvUpdate.DayBefore.NONE);
    private final ObservableList<String> malformedSamples = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper userOnly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper waitingOrders = new ReadOnlyLongWrapper();

    private final LiveService live;
    private final JobRunner jobs;
    private final Messages messages;
    private final ConnectViewModel connect;
    private final StringProperty connectionName = new SimpleStringProperty("");
    private ConnectPrompt connectPrompt = ConnectPrompt.NONE;
    private OrderPrompt orderPrompt = OrderPrompt.ACTIONS_ONLY;
    private volatile LiveGmvQuery query;

    /** A view model that only shows what it hears (its tests); it cannot connect. */
    public LiveGmvViewModel(Executor fx) {
        this(null, null, null, fx);
    }

    /** {@code fx}: runs a task on the FX thread ({@code Platform::runLater}; a direct executor in tests). */
    public LiveGmvViewModel(LiveService live, JobRunner jobs, Messages messages, Executor fx) {
        this.live = live;
        this.jobs = jobs;
        this.messages = messages;
        this.fx = fx;
        this.connect = live == null ? null : new ConnectViewModel(live, jobs, messages,
                TopicContent.USER_ACTIONS);
    }

    /** Where Live ▸ Watch GMV live asks for the connection (the window's dialogs). */
    public void useConnectPrompt(ConnectPrompt prompt) {
        this.connectPrompt = Objects.requireNonNull(prompt, "prompt");
    }

    /** Where it asks for the orders topic and its columns (the window's dialogs). */
    public void useOrderPrompt(OrderPrompt prompt) {
        this.orderPrompt = Objects.requireNonNull(prompt, "prompt");
    }

    /** The connection being watched; "" before the first start. */
    public StringProperty connectionNameProperty() {
        return connectionName;
    }

    /**
     * Live ▸ Watch GMV live…: asks for the connection (its topic holds the user actions), then for
     * the orders' topic and columns (saved with it), then starts.
     */
    public void connect() {
        connect.refresh();
        connectPrompt.connectLive(connect).ifPresent(connection -> {
            OrderMappingViewModel mapping = new OrderMappingViewModel(live, jobs, messages, connection.settings());
            mapping.load();
            Optional<LiveGmvSettings> settings = orderPrompt.mapOrders(mapping);
            if (settings.isPresent()) {
                start(settings.get(), connection.password());
            } else {
                Arrays.fill(connection.password(), '\0');
            }
        });
    }

    /** Starts reading {@code settings} in the background, stopping a running query first; zeroes the password once the engine has it. */
    public void start(LiveGmvSettings settings, char[] password) {
        stop();
        connectionName.set(settings.connection().name());
        userOnly.set(settings.orderColumns() != null && settings.orderColumns().userOnly());
        readsOrders.set(settings.ordersTopic() != null);
        waitingOrders.set(0);
        status.set(LiveStatus.STARTING);
        statusDetail.set("");
        jobs.submit(Job.of(messages.get("live.gmv.job.start"), ctx -> live.startGmv(settings, password, this))
                .onSuccess(started -> query = started)
                .onFailure(error -> {
                    status.set(LiveStatus.FAILED);
                    statusDetail.set(ErrorText.summary(error));
                })
                .onFinished(() -> Arrays.fill(password, '\0')));
    }

    /** Stops the running query, if any, in the background (it finishes its micro-batch first). */
    public void stop() {
        LiveGmvQuery running = query;
        query = null;
        if (running != null) {
            jobs.submit(Job.of(messages.get("live.gmv.job.stop"), ctx -> {
                running.close();
                return true;
            }).quiet());
        }
    }

    /** Stops the running query and waits for it (the window is closing). */
    public void close() {
        LiveGmvQuery running = query;
        query = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public void onUpdate(LiveGmvUpdate latest) {
        if (pending.getAndSet(latest) == null) {
            fx.execute(() -> show(pending.getAndSet(null)));
        }
    }

    @Override
    public void onStatus(LiveStatus newStatus, String detail) {
        fx.execute(() -> {
            status.set(newStatus);
            statusDetail.set(detail);
        });
    }

    private void show(LiveGmvUpdate u) {
        if (u == null) {
            return;
        }
        ResultTable sameTime = u.table("gmv_same_time");
        List<Object> today = sameTime.rows().isEmpty() ? null : sameTime.rows().get(0);
        List<Object> yesterday = sameTime.rows().size() > 1 ? sameTime.rows().get(1) : null;
        List<BigNumber> numbers = new ArrayList<>();
        for (String measure : MEASURES) {
            int column = sameTime.columnIndex(measure);
            Double now = today == null ? null : number(today.get(column));
            Double before = yesterday == null ? null : number(yesterday.get(column));
            Double change = now == null || before == null || before == 0 ? null : (now - before) / before;
            numbers.add(new BigNumber(measure, now, before, change));
        }
        bigNumbers.setAll(numbers);
        through.set(today == null ? "" : (String) today.get(sameTime.columnIndex("through")));
        actions.set(u.actionsTotal());
        malformed.set(u.malformedTotal());
        malformedActions.set(u.malformedActions());
        malformedOrders.set(u.malformedOrders());
        dayBefore.set(u.dayBefore());
        if (!malformedSamples.equals(u.malformedSamples())) {
            // setAll on equal samples would still redraw the list and drop its selection.
            malformedSamples.setAll(u.malformedSamples());
        }
        waitingOrders.set(userOnly.get() ? u.unattributed() : 0);
        update.set(u);
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }

    public ObjectProperty<LiveStatus> statusProperty() {
        return status;
    }

    public StringProperty statusDetailProperty() {
        return statusDetail;
    }

    /** The latest update shown; null before the first. */
    public ReadOnlyObjectProperty<LiveGmvUpdate> updateProperty() {
        return update.getReadOnlyProperty();
    }

    public ObservableList<BigNumber> bigNumbers() {
        return bigNumbers;
    }

    /** The latest action time read, {@code yyyy-MM-dd HH:mm:ss}: "today so far" ends there. */
    public StringProperty throughProperty() {
        return through;
    }

    public LongProperty actionsProperty() {
        return actions;
    }

    public LongProperty malformedProperty() {
        return malformed;
    }

    /** Malformed messages of the actions topic. */
    public ReadOnlyLongProperty malformedActionsProperty() {
        return malformedActions.getReadOnlyProperty();
    }

    /** Malformed messages of the orders topic. */
    public ReadOnlyLongProperty malformedOrdersProperty() {
        return malformedOrders.getReadOnlyProperty();
    }

    /** Whether the running view reads an orders topic beside the actions, so malformed counts are told apart. */
    public ReadOnlyBooleanProperty readsOrdersProperty() {
        return readsOrders.getReadOnlyProperty();
    }

    /** Where yesterday's same hours come from: the stream, the imported logs, or nowhere. */
    public ReadOnlyObjectProperty<LiveGmvUpdate.DayBefore> dayBeforeProperty() {
        return dayBefore.getReadOnlyProperty();
    }

    /** The latest malformed messages of either topic, each naming its topic, partition, offset and reason. */
    public ObservableList<String> malformedSamples() {
        return malformedSamples;
    }

    /** Whether the running mapping places orders by their user (no session column). */
    public ReadOnlyBooleanProperty userOnlyProperty() {
        return userOnly.getReadOnlyProperty();
    }

    /** Orders of a user-only mapping that no session of their user takes yet; 0 with any other mapping. */
    public ReadOnlyLongProperty waitingOrdersProperty() {
        return waitingOrders.getReadOnlyProperty();
    }
}
