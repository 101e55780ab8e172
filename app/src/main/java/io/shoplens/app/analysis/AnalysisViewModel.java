package io.shoplens.app.analysis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import io.shoplens.app.common.Debouncer;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.filters.FilterLink;
import io.shoplens.app.filters.Freshness;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobHandle;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.CategoryNames;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.run.RunRequest;

/**
 * What every analysis view model shares: it follows the window's filter ({@link Freshness}),
 * runs through the job runner when the filter, the data or its own options change while it is
 * shown, lets a newer request supersede an older one still running, and reopens the last result
 * without Spark. Never touches a Node.
 */
public abstract class AnalysisViewModel {

    private static final System.Logger LOG = System.getLogger(AnalysisViewModel.class.getName());

    protected final EngineService engine;
    protected final JobRunner jobs;
    protected final DialogService dialogs;
    protected final Messages messages;

    private final ObjectProperty<AnalysisResult> result = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObjectProperty<Map<Long, String>> categoryNames = new SimpleObjectProperty<>(Map.of());
    private final Freshness freshness;
    private final ReadOnlyStringWrapper suspects = new ReadOnlyStringWrapper("");
    private final BooleanProperty canExcludeSuspects = new SimpleBooleanProperty(false);
    private Runnable excludeSuspects = () -> { };
    private JobHandle comparing;
    /** A restored result whose comparison waits for the view to be shown: the request behind it. */
    private RunRequest restoredRequest;
    private StringBinding validationError;
    private Debouncer optionDebouncer = Debouncer.IMMEDIATE;
    private Consumer<FilterLink> linkTarget = link -> { };
    private JobHandle current;
    private RunRequest pending;
    private long generation;
    private boolean restoring;

    protected AnalysisViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        this.engine = engine;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.messages = messages;
        this.freshness = new Freshness(followsFilter());
        freshness.onRefresh(this::run);
        freshness.shownProperty().addListener((obs, old, shown) -> compareRestoredIfShown());
    }

    /** The runner this model's jobs go through; exports of its results use the same one. */
    public JobRunner jobRunner() {
        return jobs;
    }

    /** The analysis' name ({@code sessions}, {@code pages}, ...), as in {@link RunRequest#ALL}. */
    public abstract String analysis();

    /** Whether the session filter applies to this analysis (all but ad clicks). */
    protected boolean followsFilter() {
        return true;
    }

    /**
     * The filter only this view follows, as {@code request} holds it ({@link Freshness#ownFilterProperty()}):
     * none by default.
     */
    protected Object ownFilterOf(RunRequest request) {
        return null;
    }

    /** The request of the run behind the current result; blocks (reads the catalog). */
    public Optional<RunRequest> lastRunRequest() throws Exception {
        return engine.lastRequest(analysis());
    }

    /** The user's text for the analysis' name. */
    public String title() {
        return messages.get("analysis." + analysis());
    }

    /** The analysis' own option properties {@link #validate()} reads; none by default. */
    protected List<Observable> inputs() {
        return List.of();
    }

    /** The first problem with the options, in the user's language, or empty. */
    protected Optional<String> validate() {
        return Optional.empty();
    }

    /**
     * The engine request for this analysis under {@code filter} with the current options; only
     * called when {@link #validate()} is empty.
     */
    protected abstract RunRequest request(SessionFilter filter);

    /** Sets the options to those of {@code request} (a run of this analysis), as if the user had typed them. */
    protected void restore(RunRequest request) {
    }

    /**
     * Whether the view says what the fake-order suspects make of its result: then each result
     * shown is followed by a quiet, unrecorded run with the suspects the other way. None by default.
     */
    protected boolean comparesSuspects() {
        return false;
    }

    /**
     * What leaving the suspects out changes, in words: {@code withSuspects} and {@code withoutSuspects}
     * are the same request's results; {@code excluded} says which of them is on screen. Only
     * called when {@link #comparesSuspects()}.
     */
    protected String suspectsText(AnalysisResult withSuspects, AnalysisResult withoutSuspects, boolean excluded) {
        return "";
    }

    /**
     * What the fake-order suspects make of the result shown, in words; "" before the comparison
     * answers, and for views that do not compare.
     */
    public ReadOnlyStringProperty suspectsProperty() {
        return suspects.getReadOnlyProperty();
    }

    /** Whether the result shown holds suspects' sessions that change it and the filter bar could leave out. */
    public ReadOnlyBooleanProperty canExcludeSuspectsProperty() {
        return canExcludeSuspects;
    }

    /** What "leave them out" does (the filter bar's switch). */
    public void useExcludeSuspects(Runnable action) {
        this.excludeSuspects = Objects.requireNonNull(action, "action");
    }

    public void excludeSuspects() {
        excludeSuspects.run();
    }

    /**
     * Re-runs when an option changes (after {@link #optionDebouncer}'s quiet period). Subclasses
     * call it at the end of their constructor, once their option properties exist.
     */
    protected final void watchOptions() {
        for (Observable input : inputs()) {
            input.addListener(x -> {
                if (!restoring) {
                    optionDebouncer.schedule(this::optionsChanged);
                }
            });
        }
    }

    /** How option edits are debounced (the window: a few hundred milliseconds; tests: at once). */
    public void useOptionDebouncer(Debouncer debouncer) {
        this.optionDebouncer = debouncer;
    }

    /** Where "filter everything by this" sends a clicked value (the window's filter bar). */
    public void useLinkTarget(Consumer<FilterLink> target) {
        this.linkTarget = target;
    }

    /** Adds {@code link} to the window's filter. */
    public void filterEverythingBy(FilterLink link) {
        linkTarget.accept(link);
    }

    /** The first option problem, or "" when the options are valid. */
    public StringBinding validationErrorProperty() {
        if (validationError == null) {
            validationError = Bindings.createStringBinding(() -> validate().orElse(""),
                    inputs().toArray(Observable[]::new));
        }
        return validationError;
    }

    /** category_info's names of category ids (bound to the workspace's; empty without one). */
    public ObjectProperty<Map<Long, String>> categoryNamesProperty() {
        return categoryNames;
    }

    /** A category as tables and charts show it: "name (id)" where category_info names it, else the id. */
    public String categoryText(Object category) {
        return CategoryNames.label(category, categoryNames.get());
    }

    /** An audience tag or item as shown: "likes:咖啡 (5)" for likes:5 where the category has a name. */
    public String tagText(Object tag) {
        return CategoryNames.tagLabel(tag, categoryNames.get());
    }

    public ObjectProperty<AnalysisResult> resultProperty() {
        return result;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Whether the workspace has data to analyse (bound to the workspace's). */
    public BooleanProperty hasDataProperty() {
        return freshness.hasDataProperty();
    }

    /** The window's filter, whether the view is shown, and whether its result still answers them. */
    public Freshness freshness() {
        return freshness;
    }

    /**
     * Runs the analysis for the window's filter and the current options, superseding a run of
     * this view still going (it is cancelled, and its result would be dropped).
     */
    public void run() {
        // Asked afresh, not through the binding: an option's listener may run before the binding
        // that reads the same option is invalidated.
        if (validate().isPresent() || !hasDataProperty().get()) {
            return;
        }
        SessionFilter filter = freshness.filterProperty().get();
        RunRequest request = request(filter);
        Object ownFilter = ownFilterOf(request);
        if (running.get() && request.equals(pending)) {
            return;
        }
        if (current != null) {
            current.cancel();
        }
        if (comparing != null) {
            comparing.cancel();
        }
        restoredRequest = null;
        long mine = ++generation;
        pending = request;
        running.set(true);
        current = jobs.submit(Job.of(title(), ctx -> engine.run(request, ctx))
                .onSuccess(answer -> {
                    if (mine == generation) {
                        result.set(answer);
                        freshness.computed(filter, ownFilter);
                        compareSuspects(request, answer, mine);
                    }
                })
                .onFailure(error -> {
                    if (mine == generation) {
                        dialogs.notifyError(messages.get("error.analysis", title()), error);
                    }
                })
                .onFinished(() -> {
                    if (mine == generation) {
                        running.set(false);
                        current = null;
                        pending = null;
                    }
                }));
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /**
     * Shows the last recorded result, if any, without running an analysis, with the options that
     * produced it: they are restored first, so whatever reads them when the result arrives sees
     * the run's own. The result counts as computed for its run's filter.
     */
    public void loadLastResult() {
        jobs.submit(Job.of(title(), ctx -> {
            Optional<AnalysisResult> last = engine.lastResult(analysis());
            return new LastRun(last, last.isPresent() ? engine.lastRequest(analysis()) : Optional.empty());
        }).quiet()
                .onSuccess(last -> {
                    if (last.result().isEmpty() || result.get() != null) {
                        // A run that answered meanwhile is newer than the catalog's last one.
                        return;
                    }
                    Optional<RunRequest> request = last.request().filter(r -> r.includes(analysis()));
                    restoring = true;
                    try {
                        request.ifPresent(this::restore);
                    } finally {
                        restoring = false;
                    }
                    result.set(last.result().get());
                    freshness.restored(request.map(RunRequest::filter).orElse(null),
                            request.map(this::ownFilterOf).orElse(null));
                    restoredRequest = request.orElse(null);
                    compareRestoredIfShown();
                })
                .onFailure(error -> dialogs.notifyError(messages.get("error.lastResult", title()), error)));
    }

    /**
     * Runs {@code shown}'s request again with the suspects the other way, unrecorded, and says what
     * they change once it answers, unless a newer result is on screen by then. After the result
     * shows: the comparison may be a Spark job the result need not wait for.
     */
    private void compareSuspects(RunRequest shown, AnalysisResult answer, long mine) {
        suspects.set("");
        canExcludeSuspects.set(false);
        if (!comparesSuspects()) {
            return;
        }
        boolean excluded = shown.filter().excludeSuspects();
        RunRequest other = shown.withFilter(shown.filter().withExcludeSuspects(!excluded));
        // A Spark comparison (the audience's) takes as long as the result did: say it is coming.
        suspects.set(messages.get("suspects.comparing"));
        comparing = jobs.submit(Job.of(title(), ctx -> engine.compare(other, ctx))
                .quiet()
                .onSuccess(otherAnswer -> {
                    if (mine == generation) {
                        AnalysisResult with = excluded ? otherAnswer : answer;
                        AnalysisResult without = excluded ? answer : otherAnswer;
                        suspects.set(suspectsText(with, without, excluded));
                        canExcludeSuspects.set(!excluded && !with.equals(without));
                    }
                })
                .onFailure(error -> {
                    if (mine == generation) {
                        suspects.set("");
                    }
                    LOG.log(System.Logger.Level.WARNING, "Cannot compare " + analysis() + " with and without suspects",
                            error);
                }));
    }

    /** A result read back from the catalog is compared once its view is on screen and it still answers. */
    private void compareRestoredIfShown() {
        RunRequest restored = restoredRequest;
        if (restored == null || !freshness.shownProperty().get() || running.get() || result.get() == null
                || freshness.staleProperty().get()) {
            return;
        }
        restoredRequest = null;
        compareSuspects(restored, result.get(), generation);
    }

    private void optionsChanged() {
        if (freshness.shownProperty().get() && validate().isEmpty()) {
            run();
        }
    }

    /** A last result and the request behind it, read together off the FX thread. */
    private record LastRun(Optional<AnalysisResult> result, Optional<RunRequest> request) {
    }

    // Shared parsing for the option fields: text properties let the view show what the user
    // typed, valid or not, while the view model says what is wrong with it.

    protected static Optional<Integer> parsePositiveInt(String text) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.trim());
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    protected static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text == null ? "" : text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    protected static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text == null ? "" : text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    protected static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
