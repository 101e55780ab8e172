package io.shoplens.app.pages;

import java.util.Arrays;
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
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.run.RunRequest;

/** Page single-jump conversion: the window's filter, and its own page flow and funnel time window. */
public final class PagesViewModel extends AnalysisViewModel {

    private final StringProperty pageFlow = new SimpleStringProperty(PageParams.DEFAULT_FLOW.stream()
            .map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
    private final StringProperty windowMinutes = new SimpleStringProperty("");

    public PagesViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
        watchOptions();
    }

    @Override
    public String analysis() {
        return PageConversionAnalysis.NAME;
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
    protected List<Observable> inputs() {
        return List.of(pageFlow, windowMinutes);
    }

    @Override
    protected Optional<String> validate() {
        if (parseFlow(pageFlow.get()).isEmpty()) {
            return Optional.of(messages.get("validation.pageFlow"));
        }
        if (!isBlank(windowMinutes.get()) && parsePositiveInt(windowMinutes.get()).isEmpty()) {
            return Optional.of(messages.get("validation.window"));
        }
        return Optional.empty();
    }

    @Override
    protected void restore(RunRequest request) {
        pageFlow.set(request.pages().flow().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",")));
        windowMinutes.set(request.pages().windowMinutes().map(String::valueOf).orElse(""));
    }

    @Override
    protected RunRequest request(SessionFilter filter) {
        return RunRequest.defaults(List.of(analysis())).withFilter(filter).withPages(new PageParams(
                parseFlow(pageFlow.get()).orElseThrow(),
                isBlank(windowMinutes.get()) ? Optional.empty() : parsePositiveInt(windowMinutes.get())));
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
