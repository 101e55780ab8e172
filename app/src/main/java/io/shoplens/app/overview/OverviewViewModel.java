package io.shoplens.app.overview;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.filters.Freshness;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobHandle;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.overview.Overview;
import io.shoplens.engine.workspace.DatasetInfo;

/**
 * The first view once data is in: the shop at a glance under the window's filter (sessions,
 * users, orders, GMV, conversion, AOV, each with its days), the date range and the rows of each
 * log kind. It computes itself from the warm session model whenever it is shown and out of
 * date, with nothing to press; a newer request supersedes one still running.
 */
public final class OverviewViewModel {

    private static final System.Logger LOG = System.getLogger(OverviewViewModel.class.getName());

    private final EngineService engine;
    private final JobRunner jobs;
    private final DialogService dialogs;
    private final Messages messages;
    private final Freshness freshness = new Freshness(true);
    private final ObjectProperty<Overview> overview = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObservableList<DatasetInfo> datasets = FXCollections.observableArrayList();
    private final ObservableList<OverviewTile> tiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper dates = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rows = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper suspects = new ReadOnlyStringWrapper("");
    private final BooleanProperty canExcludeSuspects = new SimpleBooleanProperty(false);
    private Runnable excludeSuspects = () -> { };
    private JobHandle current;
    private long generation;

    public OverviewViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        this.engine = engine;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.messages = messages;
        freshness.onRefresh(this::run);
        overview.addListener((obs, old, now) -> show(now));
        datasets.addListener((ListChangeListener<DatasetInfo>) c -> rows.set(rowsText()));
    }

    public String title() {
        return messages.get("overview.title");
    }

    /** The window's filter, whether the view is shown, and whether its numbers still answer them. */
    public Freshness freshness() {
        return freshness;
    }

    public BooleanProperty hasDataProperty() {
        return freshness.hasDataProperty();
    }

    /** The workspace's datasets (their row counts per kind). */
    public ObservableList<DatasetInfo> datasets() {
        return datasets;
    }

    /** The numbers shown; null before the first answer. */
    public ObjectProperty<Overview> overviewProperty() {
        return overview;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Sessions, users, orders, GMV, conversion and AOV, in that order, once computed. */
    public ObservableList<OverviewTile> tiles() {
        return tiles;
    }

    /** "2019-07-17 – 2019-07-24 (8 days)", or "" without sessions. */
    public ReadOnlyStringProperty datesProperty() {
        return dates.getReadOnlyProperty();
    }

    /** The rows of each log kind in the workspace, in words. */
    public ReadOnlyStringProperty rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /**
     * What the fake-order suspects change under the window's filter, in words: their share of the
     * GMV shown, or, while they are left out, what they would add; "" before the first answer.
     */
    public ReadOnlyStringProperty suspectsProperty() {
        return suspects.getReadOnlyProperty();
    }

    /** Whether the numbers shown hold suspects' sessions that the filter bar could leave out. */
    public ReadOnlyBooleanProperty canExcludeSuspectsProperty() {
        return canExcludeSuspects;
    }

    /** What "leave them out" does (the filter bar's switch). */
    public void useExcludeSuspects(Runnable action) {
        this.excludeSuspects = java.util.Objects.requireNonNull(action, "action");
    }

    public void excludeSuspects() {
        excludeSuspects.run();
    }

    /** Computes the overview for the window's filter, superseding a computation still going. */
    public void run() {
        if (!hasDataProperty().get()) {
            return;
        }
        if (current != null) {
            current.cancel();
        }
        SessionFilter filter = freshness.filterProperty().get();
        long mine = ++generation;
        running.set(true);
        current = jobs.submit(Job.of(title(), ctx -> engine.overview(filter, ctx))
                .onSuccess(answer -> {
                    if (mine == generation) {
                        overview.set(answer);
                        suspects.set("");
                        canExcludeSuspects.set(false);
                        freshness.computed(filter);
                        compareSuspects(filter, answer, mine);
                    }
                })
                .onFailure(error -> {
                    if (mine == generation) {
                        dialogs.notifyError(messages.get("error.overview"), error);
                    }
                })
                .onFinished(() -> {
                    if (mine == generation) {
                        running.set(false);
                        current = null;
                    }
                }));
    }

    private void show(Overview o) {
        if (o == null) {
            tiles.clear();
            dates.set("");
            return;
        }
        NumberFormat count = NumberFormat.getIntegerInstance(messages.locale());
        NumberFormat money = money();
        NumberFormat percent = percent(2);
        List<LocalDate> days = o.days().stream().map(Overview.Day::date).toList();
        List<OverviewTile> list = new ArrayList<>();
        list.add(tile("sessions", count.format(o.sessions()), days, o, d -> (double) d.sessions()));
        list.add(new OverviewTile("users", messages.get("overview.users"), count.format(o.users()), List.of(), List.of()));
        list.add(tile("orders", count.format(o.orders()), days, o, d -> (double) d.orders()));
        list.add(tile("gmv", money.format(o.gmv()), days, o, d -> d.gmv().doubleValue()));
        list.add(tile("conversion", o.conversion().map(percent::format).orElse("–"), days, o,
                d -> d.sessions() == 0 ? null : (double) d.orders() / d.sessions()));
        list.add(tile("aov", o.aov().map(money::format).orElse("–"), days, o,
                d -> d.orders() == 0 ? null : d.gmv().divide(BigDecimal.valueOf(d.orders()),
                        java.math.MathContext.DECIMAL64).doubleValue()));
        tiles.setAll(list);
        dates.set(o.first().map(first -> messages.get("overview.dates", first, o.last().orElseThrow(),
                ChronoUnit.DAYS.between(first, o.last().orElseThrow()) + 1)).orElse(messages.get("overview.noSessions")));
    }

    /**
     * The same filter with suspects the other way, after the numbers are on screen: finding the
     * suspects the first time is a Spark job, which the tiles need not wait for.
     */
    private void compareSuspects(SessionFilter filter, Overview shown, long mine) {
        jobs.submit(Job.of(title(), ctx -> engine.overview(filter.withExcludeSuspects(!filter.excludeSuspects()), ctx))
                .quiet()
                .onSuccess(other -> {
                    if (mine == generation) {
                        WithAndWithout both = new WithAndWithout(shown, other);
                        suspects.set(suspectsText(both, filter.excludeSuspects()));
                        canExcludeSuspects.set(!filter.excludeSuspects() && other.sessions() < shown.sessions());
                    }
                })
                .onFailure(error -> LOG.log(System.Logger.Level.WARNING, "Cannot compare with and without suspects",
                        error)));
    }

    /** The overview shown and the one with suspects the other way. */
    private record WithAndWithout(Overview shown, Overview other) {
    }

    private String suspectsText(WithAndWithout answer, boolean excluded) {
        Overview with = excluded ? answer.other() : answer.shown();
        Overview without = excluded ? answer.shown() : answer.other();
        long sessions = with.sessions() - without.sessions();
        if (sessions == 0) {
            return messages.get("overview.suspects.none");
        }
        NumberFormat count = NumberFormat.getIntegerInstance(messages.locale());
        NumberFormat money = money();
        NumberFormat percent = percent(1);
        BigDecimal gmv = with.gmv().subtract(without.gmv());
        String share = with.gmv().signum() == 0 ? "–"
                : percent.format(gmv.divide(with.gmv(), java.math.MathContext.DECIMAL64).doubleValue());
        return messages.get(excluded ? "overview.suspects.excluded" : "overview.suspects.included",
                count.format(with.users() - without.users()), count.format(sessions),
                count.format(with.orders() - without.orders()), money.format(gmv), share,
                money.format(excluded ? with.gmv() : without.gmv()));
    }

    /** Money as the tiles show it: two decimals, grouped in the window's language. */
    private NumberFormat money() {
        NumberFormat money = NumberFormat.getNumberInstance(messages.locale());
        money.setMinimumFractionDigits(2);
        money.setMaximumFractionDigits(2);
        return money;
    }

    private NumberFormat percent(int decimals) {
        NumberFormat percent = NumberFormat.getPercentInstance(messages.locale());
        percent.setMinimumFractionDigits(decimals);
        return percent;
    }

    private OverviewTile tile(String id, String value, List<LocalDate> days, Overview o,
                              Function<Overview.Day, Double> perDay) {
        return new OverviewTile(id, messages.get("overview." + id), value, days,
                o.days().stream().map(perDay).toList());
    }

    private String rowsText() {
        Map<LogKind, Long> perKind = new TreeMap<>();
        for (DatasetInfo d : datasets) {
            perKind.merge(d.kind(), d.rowsAccepted(), Long::sum);
        }
        NumberFormat count = NumberFormat.getIntegerInstance(messages.locale());
        List<String> parts = new ArrayList<>();
        perKind.forEach((kind, n) -> parts.add(messages.get("overview.rows", count.format(n),
                messages.get("kind." + kind.id()))));
        return String.join("  ·  ", parts);
    }
}
