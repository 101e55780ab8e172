package io.shoplens.app.pages;

import java.util.Arrays;
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

/** Page single-jump conversion: the filters, the page flow and the funnel's time window. */
public final class PagesViewModel extends FilteredAnalysisViewModel {

    private final StringProperty pageFlow = new SimpleStringProperty("1,2,3,4,5,6,7");
    private final StringProperty windowMinutes = new SimpleStringProperty("");

    public PagesViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
    }

    @Override
    public String analysis() {
        return "pages";
    }

    /** Comma-separated page ids, at least two. */
    public StringProperty pageFlowProperty() {
        return pageFlow;
    }

    /** Empty: no window. */
    public StringProperty windowMinutesProperty() {
        return windowMinutes;
    }

    @Override
    protected List<Observable> optionInputs() {
        return List.of(pageFlow, windowMinutes);
    }

    @Override
    protected Optional<String> validateOptions() {
        if (parseFlow(pageFlow.get()).isEmpty()) {
            return Optional.of(messages.get("validation.pageFlow"));
        }
        if (!isBlank(windowMinutes.get()) && parsePositiveInt(windowMinutes.get()).isEmpty()) {
            return Optional.of(messages.get("validation.window"));
        }
        return Optional.empty();
    }

    @Override
    protected void restoreOptions(AnalysisRequest request) {
        if (request instanceof AnalysisRequest.Pages p) {
            pageFlow.set(p.pageFlow().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
            windowMinutes.set(p.windowMinutes().map(String::valueOf).orElse(""));
        }
    }

    @Override
    protected AnalysisRequest request() {
        return new AnalysisRequest.Pages(filter().toFilter(), parseFlow(pageFlow.get()).orElseThrow(),
                isBlank(windowMinutes.get()) ? Optional.empty() : parsePositiveInt(windowMinutes.get()));
    }

    /** "1, 2,3" → [1, 2, 3]; empty unless there are at least two non-negative ids. */
    static Optional<List<Long>> parseFlow(String text) {
        if (isBlank(text)) {
            return Optional.empty();
        }
        try {
            List<Long> pages = Arrays.stream(text.split("[,，]")).map(String::trim).map(Long::parseLong).toList();
            if (pages.size() < 2 || pages.stream().anyMatch(p -> p < 0)) {
                return Optional.empty();
            }
            return Optional.of(pages);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
