package io.shoplens.app.products;

import java.util.List;

import io.shoplens.app.analysis.AnalysisViewModel;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.products.HotProductsAnalysis;
import io.shoplens.engine.run.RunRequest;

/** Hot products per area: the window's filter, no options of its own. */
public final class ProductsViewModel extends AnalysisViewModel {

    public ProductsViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
    }

    @Override
    public String analysis() {
        return HotProductsAnalysis.NAME;
    }

    @Override
    protected RunRequest request(SessionFilter filter) {
        return RunRequest.defaults(List.of(analysis())).withFilter(filter);
    }
}
