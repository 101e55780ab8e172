package io.shoplens.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.util.Duration;

import io.shoplens.app.ads.AdsView;
import io.shoplens.app.ads.AdsViewModel;
import io.shoplens.app.analysis.AnalysisView;
import io.shoplens.app.analysis.AnalysisViewModel;
import io.shoplens.app.audience.AudienceView;
import io.shoplens.app.audience.AudienceViewModel;
import io.shoplens.app.common.Debouncer;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.filters.FilterBar;
import io.shoplens.app.filters.FilterBarViewModel;
import io.shoplens.app.filters.Freshness;
import io.shoplens.app.funnel.FunnelView;
import io.shoplens.app.funnel.FunnelViewModel;
import io.shoplens.app.gmv.GmvView;
import io.shoplens.app.gmv.GmvViewModel;
import io.shoplens.app.jobs.Job;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.app.live.LiveGmvView;
import io.shoplens.app.live.LiveGmvViewModel;
import io.shoplens.app.live.LiveService;
import io.shoplens.app.live.LiveView;
import io.shoplens.app.live.LiveViewModel;
import io.shoplens.app.overview.OverviewView;
import io.shoplens.app.overview.OverviewViewModel;
import io.shoplens.app.pages.PagesView;
import io.shoplens.app.pages.PagesViewModel;
import io.shoplens.app.products.ProductsView;
import io.shoplens.app.products.ProductsViewModel;
import io.shoplens.app.sessions.SessionsView;
import io.shoplens.app.sessions.SessionsViewModel;
import io.shoplens.app.workspace.MainWindow;
import io.shoplens.app.workspace.WorkspaceViewModel;
import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.analysis.SessionFilter;

/**
 * Builds the main window's object graph by hand (the app is small enough that a DI framework
 * would cost more than it saves): view models first, then their views. A new analysis view is
 * one more entry in {@link #analyses}: it follows the filter bar like the others.
 */
public final class AppWiring {

    /** How long the filter bar and option fields wait for a burst of edits to end before views re-run. */
    public static final Duration QUIET = Duration.millis(300);

    private final WorkspaceViewModel workspace;
    private final FilterBarViewModel filters;
    private final OverviewView overview;
    private final List<AnalysisView<?>> analyses;
    private final MainWindow window;
    private final LiveView live;
    private final LiveGmvView liveGmv;
    private final EngineService engine;
    private final JobRunner jobs;
    private final DialogService dialogs;
    private final Messages messages;

    public AppWiring(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages, Path samples,
                     Runnable quit) {
        this(engine, null, jobs, dialogs, messages, samples, quit);
    }

    /** @param live the Kafka live view's engine; null for a window without the Live tab and menu */
    public AppWiring(EngineService engine, LiveService live, JobRunner jobs, DialogService dialogs, Messages messages,
                     Path samples, Runnable quit) {
        this(engine, live, jobs, dialogs, messages, samples, quit, Debouncer.fx(QUIET));
    }

    /** @param quiet how filter and option edits are debounced (tests: {@link Debouncer#IMMEDIATE}) */
    public AppWiring(EngineService engine, LiveService live, JobRunner jobs, DialogService dialogs, Messages messages,
                     Path samples, Runnable quit, Debouncer quiet) {
        this.engine = engine;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.messages = messages;
        this.workspace = new WorkspaceViewModel(engine, jobs, dialogs, messages, samples);
        this.filters = new FilterBarViewModel(messages, quiet);
        workspace.choicesProperty().addListener((obs, old, choices) -> filters.applyChoices(choices));

        OverviewViewModel overviewModel = new OverviewViewModel(engine, jobs, dialogs, messages);
        follow(overviewModel.freshness());
        overviewModel.useExcludeSuspects(() -> filters.excludeSuspectsProperty().set(true));
        overviewModel.datasets().setAll(workspace.datasets());
        workspace.datasets().addListener((javafx.collections.ListChangeListener<io.shoplens.engine.workspace.DatasetInfo>)
                c -> overviewModel.datasets().setAll(workspace.datasets()));
        this.overview = new OverviewView(overviewModel, messages);

        SessionsViewModel sessions = new SessionsViewModel(engine, jobs, dialogs, messages);
        PagesViewModel pages = new PagesViewModel(engine, jobs, dialogs, messages);
        ProductsViewModel products = new ProductsViewModel(engine, jobs, dialogs, messages);
        AdsViewModel ads = new AdsViewModel(engine, jobs, dialogs, messages);
        ads.provincesProperty().bind(filters.adProvincesProperty());
        GmvViewModel gmv = new GmvViewModel(engine, jobs, dialogs, messages);
        FunnelViewModel funnel = new FunnelViewModel(engine, jobs, dialogs, messages);
        funnel.choicesProperty().bind(workspace.choicesProperty());
        AudienceViewModel audience = new AudienceViewModel(engine, jobs, dialogs, messages);
        javafx.beans.binding.Bindings.bindContent(audience.categoryChoices(), filters.categoryChoices());
        audience.choicesProperty().bind(workspace.choicesProperty());
        for (AnalysisViewModel model : List.of(sessions, pages, products, ads, gmv, funnel, audience)) {
            follow(model.freshness());
            model.categoryNamesProperty().bind(filters.categoryNamesProperty());
            model.useLinkTarget(filters::add);
            model.useOptionDebouncer(quiet);
            model.useExcludeSuspects(() -> filters.excludeSuspectsProperty().set(true));
        }
        this.analyses = List.of(new SessionsView(sessions, messages), new PagesView(pages, messages),
                new ProductsView(products, messages), new AdsView(ads, messages), new GmvView(gmv, messages),
                new FunnelView(funnel, messages),
                new AudienceView(audience, messages));
        if (live != null) {
            LiveViewModel liveModel = new LiveViewModel(live, jobs, dialogs, messages);
            // The live tables follow the Ads tab's blacklist threshold and time zone.
            liveModel.useAdParams(ads::adParams);
            this.live = new LiveView(liveModel, messages);
            this.liveGmv = new LiveGmvView(new LiveGmvViewModel(live, jobs, messages, javafx.application.Platform::runLater),
                    messages);
        } else {
            this.live = null;
            this.liveGmv = null;
        }
        this.window = new MainWindow(workspace, new FilterBar(filters, messages), overview, analyses, this.live,
                jobs.status(), dialogs, messages, quit);
        if (liveGmv != null) {
            window.addLiveGmv(liveGmv, messages);
        }
    }

    /** A view follows the window's filter and data. */
    private void follow(Freshness freshness) {
        freshness.filterProperty().bind(filters.filterProperty());
        freshness.hasDataProperty().bind(workspace.hasDataProperty());
        freshness.dataKeyProperty().bind(workspace.dataKeyProperty());
    }

    /** Reads the catalog, shows the last results (no Spark) and starts Spark in the background. */
    public void start() {
        workspace.start();
        showLastSession();
    }

    /**
     * Brings the window back as it was left: the filter of the last run on the bar, and each
     * view's last result with its options. Reads the catalog only, off the FX thread.
     */
    public void showLastSession() {
        jobs.submit(Job.of(messages.get("job.lastSession"), ctx -> new LastBar(engine.lastFilter(),
                        engine.lastRequest(AdClickAnalysis.NAME).map(r -> r.ads().provinces()).orElse(List.of())))
                .quiet()
                .onSuccess(last -> {
                    last.filter().ifPresent(filters::restore);
                    if (!last.provinces().isEmpty()) {
                        filters.restoreProvinces(last.provinces());
                    }
                })
                .onFailure(error -> dialogs.notifyError(messages.get("job.lastSession"), error)));
        analyses.forEach(view -> view.model().loadLastResult());
    }

    public WorkspaceViewModel workspace() {
        return workspace;
    }

    /** The window's filter, which every view follows. */
    public FilterBarViewModel filters() {
        return filters;
    }

    public OverviewView overview() {
        return overview;
    }

    public List<AnalysisView<?>> analyses() {
        return analyses;
    }

    /** The Live GMV tab, if the window has one. */
    public java.util.Optional<LiveGmvView> liveGmv() {
        return java.util.Optional.ofNullable(liveGmv);
    }

    /** The Live tab, if the window has one. */
    public java.util.Optional<LiveView> live() {
        return java.util.Optional.ofNullable(live);
    }

    public MainWindow window() {
        return window;
    }

    /** What the bar held when the window was last used: the session filter and the ad clicks' provinces. */
    private record LastBar(Optional<SessionFilter> filter, List<String> provinces) {
    }
}
