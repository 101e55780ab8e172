package io.shoplens.app.filters;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.shoplens.engine.analysis.SessionFilter;

/**
 * Whether a view's result still answers the window's filter and data, and when to ask again: at
 * once when the filter or the data change while the view is shown, and when it is shown again
 * after they changed behind it. One per view model; the view shows {@link #staleProperty()}.
 */
public final class Freshness {

    private final boolean followsFilter;
    private final ObjectProperty<SessionFilter> filter = new SimpleObjectProperty<>(SessionFilter.NONE);
    private final BooleanProperty shown = new SimpleBooleanProperty(false);
    private final BooleanProperty hasData = new SimpleBooleanProperty(false);
    private final StringProperty dataKey = new SimpleStringProperty();
    private final ReadOnlyObjectWrapper<SessionFilter> computedFor = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty dataChanged = new SimpleBooleanProperty(false);
    private final ObjectProperty<Object> ownFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<Object> computedForOwn = new SimpleObjectProperty<>();
    private final BooleanProperty hasResult = new SimpleBooleanProperty(false);
    private final BooleanBinding stale;
    private Runnable refresh = () -> { };

    /** @param followsFilter false for a view the session filter does not apply to (ad clicks) */
    public Freshness(boolean followsFilter) {
        this.followsFilter = followsFilter;
        stale = Bindings.createBooleanBinding(() -> hasResult.get()
                        && (dataChanged.get() || !Objects.equals(computedForOwn.get(), ownFilter.get())
                        || followsFilter && !Objects.equals(computedFor.get(), filter.get())),
                hasResult, dataChanged, ownFilter, computedForOwn, computedFor, filter);
        filter.addListener((obs, old, now) -> {
            if (followsFilter) {
                refreshIfShown();
            }
        });
        ownFilter.addListener((obs, old, now) -> refreshIfShown());
        shown.addListener((obs, old, now) -> refreshIfShown());
        hasData.addListener((obs, old, now) -> refreshIfShown());
        dataKey.addListener((obs, old, now) -> {
            // The first key is the workspace as it was opened: the results shown are its own.
            if (old != null && !old.equals(now)) {
                dataChanged.set(true);
                refreshIfShown();
            }
        });
    }

    /** What to do to bring the view up to date (the view model's run). */
    public void onRefresh(Runnable action) {
        this.refresh = Objects.requireNonNull(action);
    }

    /** The window's filter (bound to the filter bar's). */
    public ObjectProperty<SessionFilter> filterProperty() {
        return filter;
    }

    /** Whether the view is the one on screen (set by the window's tabs). */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public BooleanProperty hasDataProperty() {
        return hasData;
    }

    /** Changes whenever datasets are imported or removed (bound to the workspace's). */
    public StringProperty dataKeyProperty() {
        return dataKey;
    }

    /** The filter behind the result shown; null without a result. */
    public ReadOnlyObjectProperty<SessionFilter> computedForProperty() {
        return computedFor.getReadOnlyProperty();
    }

    /** The result shown was computed for other filters or other data. */
    public BooleanBinding staleProperty() {
        return stale;
    }

    /**
     * A filter of the window that only this view follows, beside the session filter (the Ads
     * view's provinces; null for the others): followed like the session filter, whether or not
     * the view follows that one.
     */
    public ObjectProperty<Object> ownFilterProperty() {
        return ownFilter;
    }

    /** The result shown now answers {@code forFilter} on the current data. */
    public void computed(SessionFilter forFilter) {
        computed(forFilter, null);
    }

    /** The result shown now answers {@code forFilter} and the view's own filter {@code forOwnFilter} on the current data. */
    public void computed(SessionFilter forFilter, Object forOwnFilter) {
        computedFor.set(forFilter);
        computedForOwn.set(forOwnFilter);
        dataChanged.set(false);
        hasResult.set(true);
    }

    /** A result read back from an earlier run of {@code forFilter}, on the data as it is (the catalog's last run). */
    public void restored(SessionFilter forFilter) {
        restored(forFilter, null);
    }

    /** As {@link #restored(SessionFilter)}, the run's own filter {@code forOwnFilter} too. */
    public void restored(SessionFilter forFilter, Object forOwnFilter) {
        computedFor.set(forFilter);
        computedForOwn.set(forOwnFilter);
        hasResult.set(true);
    }

    /** Whether the view has no result, or one that no longer answers. */
    public boolean needsRefresh() {
        return !hasResult.get() || stale.get();
    }

    private void refreshIfShown() {
        if (shown.get() && hasData.get() && needsRefresh()) {
            refresh.run();
        }
    }
}
