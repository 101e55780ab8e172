package io.shoplens.app.sessions;

import java.util.List;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.shoplens.app.analysis.AnalysisViewModel;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.sessions.SessionAnalysis;
import io.shoplens.engine.sessions.SessionAnalysis.SessionParams;

/** User-session analysis: the window's filter, and its own sample size and seed. */
public final class SessionsViewModel extends AnalysisViewModel {

    private final StringProperty sampleSize = new SimpleStringProperty(
            String.valueOf(SessionParams.defaults().sample()));
    private final StringProperty seed = new SimpleStringProperty(String.valueOf(SessionParams.defaults().seed()));

    public SessionsViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
        watchOptions();
    }

    @Override
    public String analysis() {
        return SessionAnalysis.NAME;
    }

    public StringProperty sampleSizeProperty() {
        return sampleSize;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    @Override
    protected List<Observable> inputs() {
        return List.of(sampleSize, seed);
    }

    @Override
    protected Optional<String> validate() {
        if (parseLong(seed.get()).isEmpty()) {
            return Optional.of(messages.get("validation.seed"));
        }
        // The params record's own check, the one the CLI applies: a sample of 0 is allowed.
        return params().isPresent() ? Optional.empty() : Optional.of(messages.get("validation.sample"));
    }

    private Optional<SessionParams> params() {
        Optional<Integer> sample = parseInt(sampleSize.get());
        Optional<Long> seedValue = parseLong(seed.get());
        if (sample.isEmpty() || seedValue.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SessionParams(sample.get(), seedValue.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void restore(RunRequest request) {
        sampleSize.set(String.valueOf(request.sessions().sample()));
        seed.set(String.valueOf(request.sessions().seed()));
    }

    @Override
    protected RunRequest request(SessionFilter filter) {
        return RunRequest.defaults(List.of(analysis())).withFilter(filter).withSessions(params().orElseThrow());
    }
}
