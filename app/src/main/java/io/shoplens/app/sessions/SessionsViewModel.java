package io.shoplens.app.sessions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.shoplens.app.analysis.AnalysisViewModel;
import io.shoplens.app.analysis.FilterViewModel;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.AnalysisRequest;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.jobs.JobRunner;

/** User-session analysis: the filters, the sample size and its seed. */
public final class SessionsViewModel extends AnalysisViewModel {

    private final FilterViewModel filter = new FilterViewModel();
    private final StringProperty sampleSize = new SimpleStringProperty("100");
    private final StringProperty seed = new SimpleStringProperty("42");

    public SessionsViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
    }

    @Override
    public String analysis() {
        return "sessions";
    }

    public FilterViewModel filter() {
        return filter;
    }

    @Override
    public void applyChoices(io.shoplens.app.engine.FilterChoices choices) {
        filter.applyChoices(choices);
    }

    public StringProperty sampleSizeProperty() {
        return sampleSize;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    @Override
    protected List<Observable> inputs() {
        List<Observable> inputs = new ArrayList<>(filter.inputs());
        inputs.add(sampleSize);
        inputs.add(seed);
        return inputs;
    }

    @Override
    protected Optional<String> validate() {
        Optional<String> problem = filter.validate(messages);
        if (problem.isPresent()) {
            return problem;
        }
        if (parsePositiveInt(sampleSize.get()).isEmpty()) {
            return Optional.of(messages.get("validation.sample"));
        }
        if (parseLong(seed.get()).isEmpty()) {
            return Optional.of(messages.get("validation.seed"));
        }
        return Optional.empty();
    }

    @Override
    protected AnalysisRequest request() {
        return new AnalysisRequest.Sessions(filter.toFilter(), parsePositiveInt(sampleSize.get()).orElseThrow(),
                parseLong(seed.get()).orElseThrow());
    }
}
