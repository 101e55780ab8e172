package io.shoplens.app.sessions;

import java.util.List;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.shoplens.app.analysis.FilteredAnalysisViewModel;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.AnalysisRequest;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.jobs.JobRunner;

/** User-session analysis: the filters, the sample size and its seed. */
public final class SessionsViewModel extends FilteredAnalysisViewModel {

    private final StringProperty sampleSize = new SimpleStringProperty("100");
    private final StringProperty seed = new SimpleStringProperty("42");

    public SessionsViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
    }

    @Override
    public String analysis() {
        return "sessions";
    }

    public StringProperty sampleSizeProperty() {
        return sampleSize;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    @Override
    protected List<Observable> optionInputs() {
        return List.of(sampleSize, seed);
    }

    @Override
    protected Optional<String> validateOptions() {
        if (parsePositiveInt(sampleSize.get()).isEmpty()) {
            return Optional.of(messages.get("validation.sample"));
        }
        if (parseLong(seed.get()).isEmpty()) {
            return Optional.of(messages.get("validation.seed"));
        }
        return Optional.empty();
    }

    @Override
    protected void restoreOptions(AnalysisRequest request) {
        if (request instanceof AnalysisRequest.Sessions s) {
            sampleSize.set(String.valueOf(s.sampleSize()));
            seed.set(String.valueOf(s.seed()));
        }
    }

    @Override
    protected AnalysisRequest request() {
        return new AnalysisRequest.Sessions(filter().toFilter(), parsePositiveInt(sampleSize.get()).orElseThrow(),
                parseLong(seed.get()).orElseThrow());
    }
}
