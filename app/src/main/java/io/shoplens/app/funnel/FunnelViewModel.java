package io.shoplens.app.funnel;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.shoplens.app.analysis.AnalysisViewModel;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.engine.FilterChoices;
import io.shoplens.app.filters.AgeGroups;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.funnel.Attribution;
import io.shoplens.engine.funnel.FunnelAnalysis;
import io.shoplens.engine.funnel.FunnelComparison;
import io.shoplens.engine.funnel.FunnelDimension;
import io.shoplens.engine.funnel.FunnelOrder;
import io.shoplens.engine.funnel.FunnelParams;
import io.shoplens.engine.funnel.FunnelStep;
import io.shoplens.engine.funnel.FunnelStep.Kind;
import io.shoplens.engine.funnel.FunnelUnit;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.run.RunRequest;

/**
 * The funnel (docs/ANALYSES.md, funnel): the window's filter, and its own steps, order mode,
 * unit, window, breakdown and attribution; exports the units that dropped off after a step.
 */
public final class FunnelViewModel extends AnalysisViewModel {

    private final ObservableList<StepDraft> steps = FXCollections.observableArrayList(StepDraft::observables);
    private final ObjectProperty<FunnelOrder> order = new SimpleObjectProperty<>(FunnelParams.DEFAULT_ORDER);
    private final ObjectProperty<FunnelUnit> unit = new SimpleObjectProperty<>(FunnelParams.DEFAULT_UNIT);
    private final StringProperty windowMinutes = new SimpleStringProperty("");
    private final ObjectProperty<FunnelDimension> breakdown = new SimpleObjectProperty<>();
    private final ObjectProperty<Attribution> attribution = new SimpleObjectProperty<>(FunnelParams.DEFAULT_ATTRIBUTION);
    private final ObjectProperty<FilterChoices> choices = new SimpleObjectProperty<>(FilterChoices.EMPTY);

    public FunnelViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
        FunnelParams.defaults().steps().forEach(step -> steps.add(StepDraft.of(step)));
        // The validation binding listens first, so an edit that re-runs at once (no debounce)
        // is judged by the edited steps, not by those before it.
        validationErrorProperty();
        watchOptions();
    }

    @Override
    public String analysis() {
        return FunnelAnalysis.NAME;
    }

    /** The steps in funnel order; edits inside a step count as changes of the list. */
    public ObservableList<StepDraft> steps() {
        return steps;
    }

    public ObjectProperty<FunnelOrder> orderProperty() {
        return order;
    }

    public ObjectProperty<FunnelUnit> unitProperty() {
        return unit;
    }

    /** Empty: the unit's default (none for sessions, 7 days for users). */
    public StringProperty windowMinutesProperty() {
        return windowMinutes;
    }

    /** Null: no breakdown. */
    public ObjectProperty<FunnelDimension> breakdownProperty() {
        return breakdown;
    }

    public ObjectProperty<Attribution> attributionProperty() {
        return attribution;
    }

    /** The workspace's filter choices, whose categories the step editor offers (bound to the workspace's). */
    public ObjectProperty<FilterChoices> choicesProperty() {
        return choices;
    }

    /** Adds a step at the end: a pay step, the usual end of a funnel. */
    public void addStep() {
        steps.add(new StepDraft(Kind.PAY, ""));
    }

    /** Removes a step; an attribution to a step that no longer exists moves to the last one. */
    public void removeStep(int index) {
        steps.remove(index);
        if (attribution.get() != null && attribution.get().step() > steps.size()) {
            attribution.set(Attribution.step(steps.size()));
        }
    }

    /** Moves the step at {@code from} to {@code to} (both in range): drag and drop, or up and down. */
    public void moveStep(int from, int to) {
        if (from == to || from < 0 || to < 0 || from >= steps.size() || to >= steps.size()) {
            return;
        }
        List<StepDraft> reordered = new ArrayList<>(steps);
        reordered.add(to, reordered.remove(from));
        // One change, so the edit re-runs the funnel once.
        steps.setAll(reordered);
    }

    /** The attributions the current steps allow: first touch, last touch, then step:1 … step:n. */
    public List<Attribution> attributionChoices() {
        List<Attribution> all = new ArrayList<>(List.of(Attribution.FIRST_TOUCH, Attribution.LAST_TOUCH));
        for (int k = 1; k <= steps.size(); k++) {
            all.add(Attribution.step(k));
        }
        return all;
    }

    /**
     * What the field of a step of {@code kind} offers from the workspace: its pages, its most
     * searched keywords, its categories or its most clicked products ("name (id)" where named).
     */
    public List<String> targetChoices(Kind kind) {
        FilterChoices known = choices.get();
        return switch (kind) {
            case PAGE -> known.pages().stream().map(String::valueOf).toList();
            case SEARCH -> known.keywords();
            case CLICK_CATEGORY, ORDER_CATEGORY, PAY_CATEGORY -> known.categories().stream().map(known::categoryText)
                    .toList();
            case CLICK_PRODUCT, PAY_PRODUCT -> known.products().stream().map(known::productText).toList();
            case CLICK, ORDER, PAY -> List.of();
        };
    }

    @Override
    protected boolean comparesSuspects() {
        return true;
    }

    /** The overall and each step's conversion, with and without the suspects. */
    @Override
    protected String suspectsText(AnalysisResult withSuspects, AnalysisResult withoutSuspects, boolean excluded) {
        return new SuspectFunnelText(messages).of(FunnelComparison.of(withSuspects, withoutSuspects), excluded);
    }

    @Override
    protected List<Observable> inputs() {
        return List.of(steps, order, unit, windowMinutes, breakdown, attribution);
    }

    @Override
    protected Optional<String> validate() {
        if (steps.size() < 2) {
            return Optional.of(messages.get("validation.funnel.steps"));
        }
        for (int i = 0; i < steps.size(); i++) {
            StepDraft draft = steps.get(i);
            if (draft.toStep().isEmpty()) {
                return Optional.of(messages.get(StepDraft.takesId(draft.kindProperty().get())
                        ? "validation.funnel.id" : "validation.funnel.keyword", i + 1));
            }
        }
        if (!isBlank(windowMinutes.get()) && parsePositiveInt(windowMinutes.get()).isEmpty()) {
            return Optional.of(messages.get("validation.window"));
        }
        if (attribution.get() == null || attribution.get().step() > steps.size()) {
            return Optional.of(messages.get("validation.funnel.attribution", steps.size()));
        }
        return Optional.empty();
    }

    /** The funnel's parameters from the editor; only valid when {@link #validate()} is empty. */
    FunnelParams params() {
        List<FunnelStep> funnel = steps.stream().map(d -> d.toStep().orElseThrow()).toList();
        return new FunnelParams(funnel, order.get(), unit.get(), window(), Optional.ofNullable(breakdown.get()),
                attribution.get());
    }

    private Optional<Integer> window() {
        return isBlank(windowMinutes.get()) ? Optional.empty() : parsePositiveInt(windowMinutes.get());
    }

    @Override
    protected RunRequest request(SessionFilter filter) {
        // --window-minutes is one option for the page funnel and this one: the request holds it in both.
        return RunRequest.defaults(List.of(analysis())).withFilter(filter)
                .withPages(new PageParams(PageParams.DEFAULT_FLOW, window()))
                .withFunnel(params());
    }

    @Override
    protected void restore(RunRequest request) {
        FunnelParams params = request.funnel();
        steps.setAll(params.steps().stream().map(StepDraft::of).toList());
        order.set(params.order());
        unit.set(params.unit());
        windowMinutes.set(params.windowMinutes().map(String::valueOf).orElse(""));
        breakdown.set(params.breakdown().orElse(null));
        attribution.set(params.attribution());
    }

    /** The steps a unit of the shown result can have dropped off after: 1 … n−1 (empty without a result). */
    public List<Integer> dropSteps() {
        AnalysisResult shown = resultProperty().get();
        if (shown == null || !shown.has(FunnelAnalysis.STEPS)) {
            return List.of();
        }
        int count = shown.table(FunnelAnalysis.STEPS).rows().size();
        List<Integer> all = new ArrayList<>();
        for (int k = 1; k < count; k++) {
            all.add(k);
        }
        return all;
    }

    /** The shown result's units that dropped off after step {@code step}, as funnel_dropoff rows. */
    public ResultTable droppedAfter(int step) {
        ResultTable dropoff = resultProperty().get().table(FunnelAnalysis.DROPOFF);
        int column = dropoff.columnIndex("dropped_after_step");
        List<List<Object>> rows = dropoff.rows().stream()
                .filter(row -> row.get(column) instanceof Number n && n.longValue() == step).toList();
        return new ResultTable(dropoff.name(), dropoff.columns(), rows);
    }

    /**
     * Asks where to save the units that dropped off after {@code step}, then writes them as CSV
     * through the job runner (never on the FX thread).
     */
    public void exportDroppedAfter(int step) {
        if (resultProperty().get() == null) {
            return;
        }
        String title = messages.get("funnel.export.title", step);
        Optional<Path> chosen = dialogs.chooseSaveFile(title, "funnel-dropped-after-step-" + step + ".csv", "CSV",
                "csv");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        ResultTable dropped = droppedAfter(step);
        jobs.submit(Job.of(title, ctx -> {
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                dropped.writeCsv(out);
            }
            return dropped.rows().size();
        }).onSuccess(count -> dialogs.notifyInfo(title, messages.get("funnel.export.done", count, file)))
                .onFailure(error -> dialogs.notifyError(messages.get("funnel.export.failed", file), error)));
    }

    /**
     * The filter link of a correlation signal, where the session filter has its dimension: a
     * searched keyword, a clicked category, the user's sex, profession or age group (not pages or
     * channels, and not "unknown").
     */
    public static Optional<FilterLink> linkOf(String signal) {
        int colon = signal.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String kind = signal.substring(0, colon);
        String value = signal.substring(colon + 1);
        if (value.isEmpty() || value.equals("unknown")) {
            return Optional.empty();
        }
        return switch (kind) {
            case "searched" -> Optional.of(new FilterLink(FilterLink.Dimension.KEYWORD, value));
            case "clicked_category" -> {
                try {
                    yield Optional.of(FilterLink.category(Long.parseLong(value)));
                } catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
            case "sex" -> Optional.of(new FilterLink(FilterLink.Dimension.SEX, value));
            case "professional" -> Optional.of(new FilterLink(FilterLink.Dimension.PROFESSIONAL, value));
            case "age_group" -> AgeGroups.range(value).isPresent()
                    ? Optional.of(new FilterLink(FilterLink.Dimension.AGE_GROUP, value)) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
