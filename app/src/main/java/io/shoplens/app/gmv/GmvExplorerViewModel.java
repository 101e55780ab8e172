package io.shoplens.app.gmv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvFormats;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.gmv.GmvCube;
import io.shoplens.engine.gmv.GmvDimension;

/**
 * The GMV explorer's state as properties (breakdown dimension, drill path, base and current
 * period, paid channels) and what it shows, recomputed from the cube in plain Java on every
 * change ({@link GmvSlice}). Never touches a Node: the view binds to these and draws.
 */
public final class GmvExplorerViewModel {

    /** Channels counted as paid until the user says otherwise. */
    public static final Set<String> DEFAULT_PAID = Set.of("display_ad");
    private static final int MOVERS_IN_WORDS = 3;

    private final Messages messages;
    private final BridgeNarrative narrative;
    private final ReadOnlyObjectWrapper<GmvCube> cube = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<GmvDimension> dimension = new SimpleObjectProperty<>(GmvDimension.CHANNEL);
    private final ObservableList<DrillStep> path = FXCollections.observableArrayList();
    // One wrapper, kept: it listens to the path weakly, so a wrapper made per call would be
    // collected with the view's listeners on it.
    private final ObservableList<DrillStep> readOnlyPath = FXCollections.unmodifiableObservableList(path);
    private final ObjectProperty<PeriodPreset> preset = new SimpleObjectProperty<>(PeriodPreset.WEEK);
    private final ObjectProperty<LocalDate> baseFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> baseTo = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> currentFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> currentTo = new SimpleObjectProperty<>();
    private final ObservableList<String> channels = FXCollections.observableArrayList();
    private final ObservableList<String> paidChannels = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<GmvSlice> slice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper coverageNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper periodProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper story = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper paidFreeStory = new ReadOnlyStringWrapper("");
    private boolean batch;

    public GmvExplorerViewModel(Messages messages) {
        this.messages = messages;
        this.narrative = new BridgeNarrative(messages);
        preset.addListener((obs, old, chosen) -> applyPreset());
        for (ObjectProperty<LocalDate> end : List.of(baseFrom, baseTo, currentFrom, currentTo)) {
            end.addListener((obs, old, value) -> {
                if (!batch) {
                    // A date the user picked makes the comparison custom, unless it is the preset's own.
                    if (preset.get() != PeriodPreset.CUSTOM && !matchesPreset()) {
                        batch = true;
                        preset.set(PeriodPreset.CUSTOM);
                        batch = false;
                    }
                    recompute();
                }
            });
        }
        List<Observable> others = List.of(dimension, path, paidChannels);
        others.forEach(o -> o.addListener(x -> {
            if (!batch) {
                recompute();
            }
        }));
    }

    /**
     * Shows a gmv result: its cube (none in results recorded before there was one), its coverage,
     * the whole shop by channel, and {@code runPeriods} (the run's own, or those compared before
     * the filter changed) while the data still has them, else {@link DefaultPeriods}.
     */
    public void load(AnalysisResult result, Optional<DateRange[]> runPeriods) {
        batch = true;
        try {
            Optional<ResultTable> table = find(result, GmvAnalysis.CUBE);
            cube.set(table.map(GmvCube::from).orElse(null));
            coverageNote.set(find(result, GmvAnalysis.COVERAGE).map(this::coverageText).orElse(""));
            path.clear();
            dimension.set(GmvDimension.CHANNEL);
            channels.setAll(cube.get() == null ? List.of() : cube.get().values(GmvDimension.CHANNEL));
            paidChannels.setAll(channels.filtered(DEFAULT_PAID::contains));
            Optional<DateRange> data = cube.get() == null ? Optional.empty() : cube.get().dates();
            Optional<DateRange[]> kept = runPeriods.filter(p -> data.isEmpty() || DefaultPeriods.within(p, data.get()));
            if (kept.isPresent()) {
                preset.set(matching(kept.get()));
                setPeriods(kept.get());
            } else if (data.isPresent() && DefaultPeriods.weekFits(data.get())) {
                preset.set(PeriodPreset.WEEK);
                applyPresetDates();
            } else if (data.isPresent()) {
                // Too few days for a week against a week: half the data against the other half.
                preset.set(PeriodPreset.CUSTOM);
                setPeriods(DefaultPeriods.of(data.get()));
            } else {
                preset.set(PeriodPreset.WEEK);
            }
        } finally {
            batch = false;
        }
        recompute();
    }

    /** Drills into {@code value} of the current dimension and breaks the slice down by the next unused one. */
    public void drill(String value) {
        if (cube.get() == null || path.stream().anyMatch(s -> s.dimension() == dimension.get())) {
            return;
        }
        batch = true;
        try {
            path.add(new DrillStep(dimension.get(), value));
            nextUnused().ifPresent(dimension::set);
        } finally {
            batch = false;
        }
        recompute();
    }

    /** Up one step: the last step's dimension is the breakdown again. */
    public void back() {
        if (!path.isEmpty()) {
            upTo(path.size() - 1);
        }
    }

    /** Keeps the first {@code depth} steps (0: the whole shop), breaking down by the first one dropped. */
    public void upTo(int depth) {
        if (depth < 0 || depth >= path.size()) {
            return;
        }
        batch = true;
        try {
            dimension.set(path.get(depth).dimension());
            path.remove(depth, path.size());
        } finally {
            batch = false;
        }
        recompute();
    }

    public ReadOnlyObjectProperty<GmvCube> cubeProperty() {
        return cube.getReadOnlyProperty();
    }

    public ObjectProperty<GmvDimension> dimensionProperty() {
        return dimension;
    }

    /** The drill path; change it through {@link #drill}, {@link #back} and {@link #upTo}. */
    public ObservableList<DrillStep> path() {
        return readOnlyPath;
    }

    public ObjectProperty<PeriodPreset> presetProperty() {
        return preset;
    }

    public ObjectProperty<LocalDate> baseFromProperty() {
        return baseFrom;
    }

    public ObjectProperty<LocalDate> baseToProperty() {
        return baseTo;
    }

    public ObjectProperty<LocalDate> currentFromProperty() {
        return currentFrom;
    }

    public ObjectProperty<LocalDate> currentToProperty() {
        return currentTo;
    }

    /** The channels in the cube (the choices for {@link #paidChannels()}). */
    public ObservableList<String> channels() {
        return channels;
    }

    /** The channels counted as paid traffic. */
    public ObservableList<String> paidChannels() {
        return paidChannels;
    }

    /** What the explorer shows now; null without a cube. */
    public ReadOnlyObjectProperty<GmvSlice> sliceProperty() {
        return slice.getReadOnlyProperty();
    }

    /** "N of M orders have no amount or price: …", or "" when every order has one. */
    public ReadOnlyStringProperty coverageNoteProperty() {
        return coverageNote.getReadOnlyProperty();
    }

    /** Why the periods cannot be compared, or "". */
    public ReadOnlyStringProperty periodProblemProperty() {
        return periodProblem.getReadOnlyProperty();
    }

    /** The slice's bridge in words, then its biggest movers, one per line. */
    public ReadOnlyStringProperty storyProperty() {
        return story.getReadOnlyProperty();
    }

    /** The paid and the free side's bridges in words, one per line. */
    public ReadOnlyStringProperty paidFreeStoryProperty() {
        return paidFreeStory.getReadOnlyProperty();
    }

    /** The base and current period, when both are set and in order. */
    public Optional<DateRange[]> periods() {
        if (baseFrom.get() == null || baseTo.get() == null || currentFrom.get() == null || currentTo.get() == null
                || baseTo.get().isBefore(baseFrom.get()) || currentTo.get().isBefore(currentFrom.get())) {
            return Optional.empty();
        }
        return Optional.of(new DateRange[] {new DateRange(baseFrom.get(), baseTo.get()),
                new DateRange(currentFrom.get(), currentTo.get())});
    }

    private void recompute() {
        GmvCube all = cube.get();
        if (all == null) {
            slice.set(null);
            story.set("");
            paidFreeStory.set("");
            return;
        }
        Optional<DateRange[]> periods = periods();
        boolean incomplete = baseFrom.get() == null || baseTo.get() == null || currentFrom.get() == null
                || currentTo.get() == null;
        periodProblem.set(periods.isPresent() || incomplete ? "" : messages.get("validation.periodOrder"));
        GmvSlice next = GmvSlice.of(all, new GmvSlice.Request(path, dimension.get(),
                periods.map(p -> p[0]).orElse(null), periods.map(p -> p[1]).orElse(null), Set.copyOf(paidChannels)));
        slice.set(next);
        if (next.bridge() == null) {
            story.set("");
            paidFreeStory.set("");
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(narrative.sentence(next.bridge()));
        if (next.movers().size() > 1) {
            lines.add(messages.get("gmv.story.movers", messages.get("gmv.dimension." + dimension.get().column())));
            narrative.movers(dimension.get(), next.movers(), MOVERS_IN_WORDS).forEach(l -> lines.add("• " + l));
        }
        story.set(String.join("\n", lines));
        double whole = next.bridge().delta();
        paidFreeStory.set(narrative.side("gmv.side.paid", next.paidBridge(), whole) + "\n"
                + narrative.side("gmv.side.free", next.freeBridge(), whole));
    }

    private void applyPreset() {
        if (batch || preset.get() == PeriodPreset.CUSTOM) {
            return;
        }
        batch = true;
        try {
            applyPresetDates();
        } finally {
            batch = false;
        }
        recompute();
    }

    private void applyPresetDates() {
        Optional<LocalDate> last = lastDate();
        if (preset.get() != PeriodPreset.CUSTOM && last.isPresent()) {
            setPeriods(preset.get().periods(last.get()));
        }
    }

    /** The preset whose periods these are, else CUSTOM. */
    private PeriodPreset matching(DateRange[] periods) {
        Optional<LocalDate> last = lastDate();
        if (last.isPresent()) {
            for (PeriodPreset candidate : List.of(PeriodPreset.WEEK, PeriodPreset.MONTH)) {
                DateRange[] expected = candidate.periods(last.get());
                if (expected[0].equals(periods[0]) && expected[1].equals(periods[1])) {
                    return candidate;
                }
            }
        }
        return PeriodPreset.CUSTOM;
    }

    private boolean matchesPreset() {
        Optional<LocalDate> last = lastDate();
        Optional<DateRange[]> periods = periods();
        if (last.isEmpty() || periods.isEmpty()) {
            return false;
        }
        DateRange[] expected = preset.get().periods(last.get());
        return expected[0].equals(periods.get()[0]) && expected[1].equals(periods.get()[1]);
    }

    private Optional<LocalDate> lastDate() {
        return cube.get() == null ? Optional.empty() : cube.get().dates().map(DateRange::to);
    }

    private void setPeriods(DateRange[] periods) {
        baseFrom.set(periods[0].from());
        baseTo.set(periods[0].to());
        currentFrom.set(periods[1].from());
        currentTo.set(periods[1].to());
    }

    private Optional<GmvDimension> nextUnused() {
        GmvDimension[] all = GmvDimension.values();
        for (int i = 1; i <= all.length; i++) {
            GmvDimension candidate = all[(dimension.get().ordinal() + i) % all.length];
            if (path.stream().noneMatch(s -> s.dimension() == candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private String coverageText(ResultTable coverage) {
        if (coverage.rows().isEmpty()) {
            return "";
        }
        long orders = ((Number) coverage.value(0, "orders")).longValue();
        long missing = ((Number) coverage.value(0, "orders_without_amount")).longValue();
        GmvFormats formats = new GmvFormats(messages.locale());
        return missing > 0 ? messages.get("gmv.coverage", formats.count(missing), formats.count(orders)) : "";
    }

    private static Optional<ResultTable> find(AnalysisResult result, String name) {
        return result.tables().stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
