package io.shoplens.app.gmv;

import java.util.List;
import java.util.Optional;

import io.shoplens.app.analysis.AnalysisViewModel;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.gmv.GmvComparison;
import io.shoplens.engine.run.RunRequest;

/**
 * GMV = traffic × conversion × AOV under the window's filter. The bridge's periods belong to the
 * explorer, which compares any two periods on the result's cube without Spark; a reopened run
 * that had bridge periods opens the explorer on them.
 */
public final class GmvViewModel extends AnalysisViewModel {

    private final GmvExplorerViewModel explorer;
    private Optional<DateRange[]> restoredPeriods = Optional.empty();

    public GmvViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
        explorer = new GmvExplorerViewModel(messages);
        // Registered before the view's own listener, so the explorer has the new cube when the view draws.
        resultProperty().addListener((obs, old, result) -> {
            if (result != null) {
                // A new result keeps the periods the user was comparing, when the data still has them.
                Optional<DateRange[]> periods = restoredPeriods.or(explorer::periods);
                restoredPeriods = Optional.empty();
                explorer.load(result, periods);
            }
        });
    }

    /** The interactive part: slices the result's cube without Spark. */
    public GmvExplorerViewModel explorer() {
        return explorer;
    }

    @Override
    public String analysis() {
        return GmvAnalysis.NAME;
    }

    @Override
    protected boolean comparesSuspects() {
        return true;
    }

    /** How much GMV the suspects make, and its traffic, conversion and AOV without them. */
    @Override
    protected String suspectsText(AnalysisResult withSuspects, AnalysisResult withoutSuspects, boolean excluded) {
        return new SuspectGmvText(messages).of(GmvComparison.of(withSuspects, withoutSuspects), excluded);
    }

    @Override
    protected void restore(RunRequest request) {
        restoredPeriods = request.gmv().base().isPresent() && request.gmv().current().isPresent()
                ? Optional.of(new DateRange[] {request.gmv().base().get(), request.gmv().current().get()})
                : Optional.empty();
    }

    @Override
    protected RunRequest request(SessionFilter filter) {
        return RunRequest.defaults(List.of(analysis())).withFilter(filter);
    }
}
