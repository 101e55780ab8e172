package io.shoplens.app.ads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.run.RunRequest;

class AdsViewModelTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final AdsViewModel model = new AdsViewModel(engine, new SyncJobRunner(e -> { }), new RecordingDialogs(),
            Messages.forLocale(Locale.ENGLISH));

    @Test
    void thresholdMustBePositive() {
        model.blacklistThresholdProperty().set("0");
        assertThat(model.validationErrorProperty().get())
                .isEqualTo("The blacklist threshold must be a whole number above 0.");
    }

    @Test
    void timeZoneMustBeKnown() {
        model.timeZoneProperty().set("Mars/Olympus");
        assertThat(model.validationErrorProperty().get())
                .isEqualTo("Unknown time zone; use a name such as Asia/Shanghai.");
    }

    @Test
    void requestCarriesThresholdAndZone() {
        model.hasDataProperty().set(true);
        model.blacklistThresholdProperty().set("50");
        model.timeZoneProperty().set("Asia/Shanghai");
        model.run();
        RunRequest request = engine.requests().get(0);
        assertThat(request.analyses()).containsExactly("ads");
        assertThat(request.ads()).isEqualTo(new AdParams(50, ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void theWindowFilterDoesNotApplyToAdClicks() {
        model.hasDataProperty().set(true);
        model.freshness().shownProperty().set(true);
        model.freshness().filterProperty().set(SessionFilter.NONE.withSexes(List.of("female")));

        assertThat(engine.requests()).singleElement()
                .satisfies(request -> assertThat(request.filter()).isEqualTo(SessionFilter.NONE));
        assertThat(model.freshness().staleProperty().get()).isFalse();
    }

    @Test
    void theBarsProvincesAreTheAdClicksFilterShownOrNot() {
        model.hasDataProperty().set(true);
        model.freshness().shownProperty().set(true);
        model.provincesProperty().set(List.of("Hubei"));
        assertThat(engine.requests()).extracting(r -> r.ads().provinces())
                .containsExactly(List.of(), List.of("Hubei"));
        assertThat(engine.requests()).allSatisfy(r -> assertThat(r.filter()).isEqualTo(SessionFilter.NONE));
        assertThat(model.freshness().staleProperty().get()).isFalse();

        // Changed while another view is shown: stale, and asked again when shown.
        model.freshness().shownProperty().set(false);
        model.provincesProperty().set(List.of());
        assertThat(model.freshness().staleProperty().get()).isTrue();
        assertThat(engine.requests()).hasSize(2);
        model.freshness().shownProperty().set(true);
        assertThat(engine.requests()).last().satisfies(r -> assertThat(r.ads().provinces()).isEmpty());
        assertThat(model.freshness().staleProperty().get()).isFalse();
        // The live view counts every province.
        model.provincesProperty().set(List.of("Hubei"));
        assertThat(model.adParams().provinces()).isEmpty();
    }

    @Test
    void aResultReadBackForOtherProvincesThanTheBarsIsStale() {
        model.hasDataProperty().set(true);
        model.provincesProperty().set(List.of("Hubei"));
        model.run();
        AdsViewModel reopened = new AdsViewModel(engine, new SyncJobRunner(e -> { }), new RecordingDialogs(),
                Messages.forLocale(Locale.ENGLISH));

        reopened.loadLastResult();

        assertThat(reopened.resultProperty().get()).isNotNull();
        assertThat(reopened.freshness().staleProperty().get()).isTrue();
        AdsViewModel sameProvinces = new AdsViewModel(engine, new SyncJobRunner(e -> { }), new RecordingDialogs(),
                Messages.forLocale(Locale.ENGLISH));
        sameProvinces.provincesProperty().set(List.of("Hubei"));
        sameProvinces.loadLastResult();
        assertThat(sameProvinces.freshness().staleProperty().get()).isFalse();
    }

    @Test
    void adParamsForTheLiveViewAreTheFieldsOrElseTheDefaults() {
        model.blacklistThresholdProperty().set("50");
        model.timeZoneProperty().set("Asia/Shanghai");
        assertThat(model.adParams()).isEqualTo(new AdParams(50, ZoneId.of("Asia/Shanghai")));
        model.timeZoneProperty().set("Mars/Olympus");
        assertThat(model.adParams()).isEqualTo(new AdParams());
        model.timeZoneProperty().set("UTC");
        model.blacklistThresholdProperty().set("-1");
        assertThat(model.adParams()).isEqualTo(new AdParams());
    }

    @Test
    void provinceByAdSumsOverDatesAndCities() {
        ResultTable daily = new ResultTable("daily_clicks", List.of("date", "province", "city", "ad_id", "clicks"),
                List.of(List.of("2019-07-17", "Hubei", "Wuhan", 2L, 5L),
                        List.of("2019-07-18", "Hubei", "Yichang", 2L, 3L),
                        List.of("2019-07-17", "Hubei", "Wuhan", 1L, 4L),
                        List.of("2019-07-17", "Beijing", "Beijing", 2L, 1L)));
        ResultTable pivot = ProvinceByAd.of(daily);
        assertThat(pivot.columns()).containsExactly("province", "ad 1", "ad 2", "total");
        assertThat(pivot.rows()).containsExactly(
                List.of("Beijing", 0L, 1L, 1L),
                List.of("Hubei", 4L, 8L, 12L));
    }
}
