package io.shoplens.app.products;

import io.shoplens.app.analysis.FilteredAnalysisViewModel;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.AnalysisRequest;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.jobs.JobRunner;

/** Hot products per area: only the session filters. */
public final class ProductsViewModel extends FilteredAnalysisViewModel {

    public ProductsViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
    }

    @Override
    public String analysis() {
        return "products";
    }

    @Override
    protected AnalysisRequest request() {
        return new AnalysisRequest.Products(filter().toFilter());
    }
}
