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
        if (parsePositiveInt(sampleSize.get()).isEmpty()) {
            return Optional.of(messages.get("validation.sample"));
        }
        if (parseLong(seed.get()).isEmpty()) {
            return Optional.of(messages.get("validation.seed"));
        }
        return Optional.empty();
    }

    @Override
    protected void restore(RunRequest request) {
        sampleSize.set(String.valueOf(request.sessions().sample()));
        seed.set(String.valueOf(request.sessions().seed()));
    }

    @Override
    protected RunRequest request(SessionFilter filter) {
        return RunRequest.defaults(List.of(analysis())).withFilter(filter).withSessions(new SessionParams(
                parsePositiveInt(sampleSize.get()).orElseThrow(), parseLong(seed.get()).orElseThrow()));
    }
}
