package io.shoplens.app.gmv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import io.shoplens.app.analysis.FilteredAnalysisViewModel;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.AnalysisRequest;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.gmv.DateRange;

/** GMV = traffic × conversion × AOV: the filters and, for the bridge, a base and a current period. */
public final class GmvViewModel extends FilteredAnalysisViewModel {

    private final ObjectProperty<LocalDate> baseFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> baseTo = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> currentFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> currentTo = new SimpleObjectProperty<>();

    private final GmvExplorerViewModel explorer;

    public GmvViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
        explorer = new GmvExplorerViewModel(messages);
        // Registered before the view's own listener, so the explorer has the new cube when the view draws.
        resultProperty().addListener((obs, old, result) -> {
            if (result != null) {
                explorer.load(result, runPeriods());
            }
        });
    }

    /** The interactive part: slices the result's cube without Spark. */
    public GmvExplorerViewModel explorer() {
        return explorer;
    }

    @Override
    public String analysis() {
        return "gmv";
    }

    public ObjectProperty<LocalDate> baseFromProperty() {
        return baseFrom;
    }

    public ObjectProperty<LocalDate> baseToProperty() {
        return baseTo;
    }

    public ObjectProperty<LocalDate> currentFromProperty() {
        return currentFrom;
    }

    public ObjectProperty<LocalDate> currentToProperty() {
        return currentTo;
    }

    @Override
    protected List<Observable> optionInputs() {
        return List.of(baseFrom, baseTo, currentFrom, currentTo);
    }

    @Override
    protected Optional<String> validateOptions() {
        List<LocalDate> ends = periodEnds();
        long set = ends.stream().filter(d -> d != null).count();
        if (set != 0 && set != 4) {
            return Optional.of(messages.get("validation.periods"));
        }
        if (set == 4 && (baseTo.get().isBefore(baseFrom.get()) || currentTo.get().isBefore(currentFrom.get()))) {
            return Optional.of(messages.get("validation.periodOrder"));
        }
        return Optional.empty();
    }

    @Override
    protected void restoreOptions(AnalysisRequest request) {
        if (request instanceof AnalysisRequest.Gmv g) {
            baseFrom.set(g.base().map(AnalysisRequest.Period::from).orElse(null));
            baseTo.set(g.base().map(AnalysisRequest.Period::to).orElse(null));
            currentFrom.set(g.current().map(AnalysisRequest.Period::from).orElse(null));
            currentTo.set(g.current().map(AnalysisRequest.Period::to).orElse(null));
        }
    }

    @Override
    protected AnalysisRequest request() {
        boolean bridge = baseFrom.get() != null;
        return new AnalysisRequest.Gmv(filter().toFilter(),
                bridge ? Optional.of(new AnalysisRequest.Period(baseFrom.get(), baseTo.get())) : Optional.empty(),
                bridge ? Optional.of(new AnalysisRequest.Period(currentFrom.get(), currentTo.get())) : Optional.empty());
    }

    /** The parameter panel's periods, when complete and valid: the explorer's bridge starts from them. */
    private Optional<DateRange[]> runPeriods() {
        if (periodEnds().contains(null) || validate().isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new DateRange[] {new DateRange(baseFrom.get(), baseTo.get()),
                new DateRange(currentFrom.get(), currentTo.get())});
    }

    private List<LocalDate> periodEnds() {
        List<LocalDate> ends = new ArrayList<>();
        ends.add(baseFrom.get());
        ends.add(baseTo.get());
        ends.add(currentFrom.get());
        ends.add(currentTo.get());
        return ends;
    }
}
