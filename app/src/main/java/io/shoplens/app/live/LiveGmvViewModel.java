package io.shoplens.app.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.live.LiveGmvListener;
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
    private final ObservableList<String> malformedSamples = FXCollections.observableArrayList();

    /** {@code fx}: runs a task on the FX thread ({@code Platform::runLater}; a direct executor in tests). */
    public LiveGmvViewModel(Executor fx) {
        this.fx = fx;
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
        malformedSamples.setAll(u.malformedSamples());
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

    public ObservableList<String> malformedSamples() {
        return malformedSamples;
    }
}
