package io.shoplens.app.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.AnalysisRequest;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobHandle;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.analysis.AnalysisResult;

/**
 * What every analysis view model shares: its inputs' validation, Run through the job runner, the
 * result, and reopening the last result without Spark. Never touches a Node.
 */
public abstract class AnalysisViewModel {

    protected final EngineService engine;
    protected final JobRunner jobs;
    protected final DialogService dialogs;
    protected final Messages messages;

    private final ObjectProperty<AnalysisResult> result = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty hasData = new SimpleBooleanProperty(false);
    private StringBinding validationError;
    private BooleanBinding canRun;
    private JobHandle current;

    protected AnalysisViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        this.engine = engine;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** The runner this model's jobs go through; exports of its results use the same one. */
    public JobRunner jobRunner() {
        return jobs;
    }

    /** The analysis' name ({@code sessions}, {@code pages}, ...). */
    public abstract String analysis();

    /** The {@code analyze} options of the run behind the current result; blocks (reads the catalog). */
    public List<String> lastRunArguments() throws Exception {
        return engine.lastArguments(analysis());
    }

    /** The user's text for the analysis' name. */
    public String title() {
        return messages.get("analysis." + analysis());
    }

    /** The properties {@link #validate()} reads. */
    protected abstract List<Observable> inputs();

    /** The first problem with the inputs, in the user's language, or empty. */
    protected abstract Optional<String> validate();

    /** The request the current inputs describe; only called when {@link #validate()} is empty. */
    protected abstract AnalysisRequest request();

    /** The first input problem, or "" when the inputs are valid. */
    public StringBinding validationErrorProperty() {
        if (validationError == null) {
            List<Observable> deps = new ArrayList<>(inputs());
            validationError = Bindings.createStringBinding(() -> validate().orElse(""), deps.toArray(Observable[]::new));
        }
        return validationError;
    }

    public BooleanBinding canRunProperty() {
        if (canRun == null) {
            canRun = validationErrorProperty().isEmpty().and(running.not()).and(hasData);
        }
        return canRun;
    }

    public ObjectProperty<AnalysisResult> resultProperty() {
        return result;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** Whether the workspace has data to analyse (set by the workspace view model). */
    public BooleanProperty hasDataProperty() {
        return hasData;
    }

    /** Offers the workspace's filter values (analyses without session filters ignore them). */
    public void applyChoices(io.shoplens.app.engine.FilterChoices choices) {
    }

    public void run() {
        if (!validationErrorProperty().get().isEmpty() || running.get()) {
            return;
        }
        AnalysisRequest request = request();
        running.set(true);
        current = jobs.submit(Job.of(title(), ctx -> engine.run(request, ctx))
                .onSuccess(result::set)
                .onFailure(error -> dialogs.notifyError(messages.get("error.analysis", title()), error))
                .onFinished(() -> {
                    running.set(false);
                    current = null;
                }));
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /**
     * Shows the last recorded result, if any, without running an analysis, with the inputs that
     * produced it: they are restored first, so whatever reads them when the result arrives (the
     * GMV explorer's bridge periods) sees the run's own.
     */
    public void loadLastResult() {
        jobs.submit(Job.of(title(), ctx -> {
            Optional<AnalysisResult> last = engine.lastResult(analysis());
            return new LastRun(last, last.isPresent() ? engine.lastRequest(analysis()) : Optional.empty());
        }).quiet()
                .onSuccess(last -> {
                    last.request().filter(r -> r.analysis().equals(analysis())).ifPresent(this::restore);
                    last.result().ifPresent(result::set);
                })
                .onFailure(error -> dialogs.notifyError(messages.get("error.lastResult", title()), error)));
    }

    /** A last result and the request behind it, read together off the FX thread. */
    private record LastRun(Optional<AnalysisResult> result, Optional<AnalysisRequest> request) {
    }

    /** Sets the inputs to those of {@code request} (of this analysis), as if the user had typed them. */
    protected abstract void restore(AnalysisRequest request);

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
