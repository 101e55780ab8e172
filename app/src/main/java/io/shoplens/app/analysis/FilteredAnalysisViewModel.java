package io.shoplens.app.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.Observable;

import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.AnalysisRequest;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.engine.FilterChoices;
import io.shoplens.app.jobs.JobRunner;

/**
 * An analysis that runs on filtered sessions (all but ads): the session filter comes first in
 * its inputs and its validation; subclasses add their own options.
 */
public abstract class FilteredAnalysisViewModel extends AnalysisViewModel {

    private final FilterViewModel filter = new FilterViewModel();

    protected FilteredAnalysisViewModel(EngineService engine, JobRunner jobs, DialogService dialogs,
                                        Messages messages) {
        super(engine, jobs, dialogs, messages);
    }

    public FilterViewModel filter() {
        return filter;
    }

    @Override
    public void applyChoices(FilterChoices choices) {
        filter.applyChoices(choices);
    }

    @Override
    protected final void restore(AnalysisRequest request) {
        if (request instanceof AnalysisRequest.Filtered filtered) {
            filter.restore(filtered.filter());
        }
        restoreOptions(request);
    }

    /** Sets the analysis' own inputs from {@code request} (of this analysis); none by default. */
    protected void restoreOptions(AnalysisRequest request) {
    }

    /** The analysis' own inputs besides the filter; none by default. */
    protected List<Observable> optionInputs() {
        return List.of();
    }

    /** The first problem with the analysis' own inputs, once the filter is valid; none by default. */
    protected Optional<String> validateOptions() {
        return Optional.empty();
    }

    @Override
    protected final List<Observable> inputs() {
        List<Observable> inputs = new ArrayList<>(filter.inputs());
        inputs.addAll(optionInputs());
        return inputs;
    }

    @Override
    protected final Optional<String> validate() {
        return filter.validate(messages).or(this::validateOptions);
    }
}
