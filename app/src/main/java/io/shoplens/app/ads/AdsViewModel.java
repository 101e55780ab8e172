package io.shoplens.app.ads;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.shoplens.app.analysis.AnalysisViewModel;
import io.shoplens.app.common.DialogService;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.EngineService;
import io.shoplens.app.jobs.JobRunner;
import io.shoplens.engine.ads.AdClickAnalysis;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.run.RunRequest;

/**
 * Ad-click statistics: the blacklist threshold and the time zone of dates and minutes, and the
 * provinces whose clicks are counted, which the window's filter bar sets (ad clicks follow no
 * session filter, but this one is theirs).
 */
public final class AdsViewModel extends AnalysisViewModel {

    private final StringProperty blacklistThreshold = new SimpleStringProperty(
            String.valueOf(AdParams.DEFAULT_BLACKLIST_THRESHOLD));
    private final StringProperty timeZone = new SimpleStringProperty(ZoneId.systemDefault().getId());
    private final ObjectProperty<List<String>> provinces = new SimpleObjectProperty<>(List.of());

    public AdsViewModel(EngineService engine, JobRunner jobs, DialogService dialogs, Messages messages) {
        super(engine, jobs, dialogs, messages);
        watchOptions();
        freshness().ownFilterProperty().bind(provinces);
    }

    /** Ad clicks are not sessions: the window's filter does not apply to them. */
    @Override
    protected boolean followsFilter() {
        return false;
    }

    @Override
    public String analysis() {
        return AdClickAnalysis.NAME;
    }

    public StringProperty blacklistThresholdProperty() {
        return blacklistThreshold;
    }

    /** A zone id such as {@code Asia/Shanghai}. */
    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    /** The provinces whose clicks are counted, none for all (bound to the filter bar's). */
    public ObjectProperty<List<String>> provincesProperty() {
        return provinces;
    }

    /**
     * The threshold and zone as the fields show them, for the live view (it reads them when it
     * connects); the ads analysis' defaults while a field is not valid. Not the provinces: the
     * live view counts every province.
     */
    public AdParams adParams() {
        Optional<Integer> threshold = parsePositiveInt(blacklistThreshold.get());
        Optional<ZoneId> zone = zone(timeZone.get());
        return threshold.isPresent() && zone.isPresent() ? new AdParams(threshold.get(), zone.get()) : new AdParams();
    }

    @Override
    protected List<Observable> inputs() {
        return List.of(blacklistThreshold, timeZone);
    }

    @Override
    protected Optional<String> validate() {
        if (parsePositiveInt(blacklistThreshold.get()).isEmpty()) {
            return Optional.of(messages.get("validation.threshold"));
        }
        if (zone(timeZone.get()).isEmpty()) {
            return Optional.of(messages.get("validation.timeZone"));
        }
        return Optional.empty();
    }

    @Override
    protected void restore(RunRequest request) {
        blacklistThreshold.set(String.valueOf(request.ads().blacklistThreshold()));
        timeZone.set(request.ads().zone().getId());
    }

    /** The bar does not take provinces back from a run: a result read back may answer other ones than it holds. */
    @Override
    protected Object ownFilterOf(RunRequest request) {
        return request.ads().provinces();
    }

    @Override
    protected RunRequest request(SessionFilter filter) {
        return RunRequest.defaults(List.of(analysis())).withAds(new AdParams(
                parsePositiveInt(blacklistThreshold.get()).orElseThrow(), zone(timeZone.get()).orElseThrow(),
                provinces.get()));
    }

    static Optional<ZoneId> zone(String text) {
        try {
            return isBlank(text) ? Optional.empty() : Optional.of(ZoneId.of(text.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
