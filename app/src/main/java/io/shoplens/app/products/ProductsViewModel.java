package io.shoplens.app.products;

import java.util.List;
import java.util.Optional;

import javafx.beans.Observable;

import io.shoplens.app.analysis.AnalysisViewModel;
import io.shoplens.app.analysis.FilterViewModel;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.AnalysisRequest;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.jobs.JobRunner;

/** Hot products per area: only the session filters. */
public final class ProductsViewModel extends AnalysisViewModel {

    private final FilterViewModel filter = new FilterViewModel();

    public ProductsViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
    }

    @Override
    public String analysis() {
        return "products";
    }

    public FilterViewModel filter() {
        return filter;
    }

    @Override
    public void applyChoices(io.shoplens.app.engine.FilterChoices choices) {
        filter.applyChoices(choices);
    }

    @Override
    protected List<Observable> inputs() {
        return filter.inputs();
    }

    @Override
    protected Optional<String> validate() {
        return filter.validate(messages);
    }

    @Override
    protected AnalysisRequest request() {
        return new AnalysisRequest.Products(filter.toFilter());
    }
}
