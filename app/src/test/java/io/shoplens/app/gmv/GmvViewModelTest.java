package io.shoplens.app.gmv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.AnalysisRequest;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;

class GmvViewModelTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final GmvViewModel model = new GmvViewModel(engine, new SyncJobRunner(e -> { }), new RecordingDialogs(),
            Messages.forLocale(Locale.ENGLISH));

    @Test
    void periodsGoTogether() {
        model.baseFromProperty().set(LocalDate.of(2019, 7, 1));
        assertThat(model.validationErrorProperty().get())
                .isEqualTo("Set both the base and the current period, or neither.");
        model.baseToProperty().set(LocalDate.of(2019, 7, 7));
        model.currentFromProperty().set(LocalDate.of(2019, 7, 8));
        model.currentToProperty().set(LocalDate.of(2019, 7, 7));
        assertThat(model.validationErrorProperty().get()).isEqualTo("A period ends before it starts.");
        model.currentToProperty().set(LocalDate.of(2019, 7, 14));
        assertThat(model.validationErrorProperty().get()).isEmpty();
    }

    @Test
    void bridgeRequestedOnlyWithPeriods() {
        model.hasDataProperty().set(true);
        model.run();
        model.baseFromProperty().set(LocalDate.of(2019, 7, 1));
        model.baseToProperty().set(LocalDate.of(2019, 7, 7));
        model.currentFromProperty().set(LocalDate.of(2019, 7, 8));
        model.currentToProperty().set(LocalDate.of(2019, 7, 14));
        model.run();

        AnalysisRequest.Gmv plain = (AnalysisRequest.Gmv) engine.requests().get(0);
        AnalysisRequest.Gmv bridge = (AnalysisRequest.Gmv) engine.requests().get(1);
        assertThat(plain.base()).isEmpty();
        assertThat(bridge.base().orElseThrow().toString()).isEqualTo("2019-07-01..2019-07-07");
        assertThat(bridge.current().orElseThrow().toString()).isEqualTo("2019-07-08..2019-07-14");
        assertThat(model.resultProperty().get().table("gmv_bridge").rows()).hasSize(1);
    }

    @Test
    void aReopenedResultBringsBackItsPeriodsAndFilter() {
        model.hasDataProperty().set(true);
        model.filter().fromProperty().set(LocalDate.of(2019, 7, 2));
        model.filter().toProperty().set(LocalDate.of(2019, 7, 14));
        model.filter().ageLowProperty().set(20);
        model.filter().ageHighProperty().set(45);
        model.filter().cities().setAll("北京");
        model.baseFromProperty().set(LocalDate.of(2019, 7, 2));
        model.baseToProperty().set(LocalDate.of(2019, 7, 7));
        model.currentFromProperty().set(LocalDate.of(2019, 7, 8));
        model.currentToProperty().set(LocalDate.of(2019, 7, 14));
        model.run();

        // The next start: a new view model over the same workspace.
        GmvViewModel reopened = new GmvViewModel(engine, new SyncJobRunner(e -> { }), new RecordingDialogs(),
                Messages.forLocale(Locale.ENGLISH));
        reopened.loadLastResult();

        assertThat(reopened.resultProperty().get()).isEqualTo(model.resultProperty().get());
        assertThat(List.of(reopened.baseFromProperty().get(), reopened.baseToProperty().get(),
                reopened.currentFromProperty().get(), reopened.currentToProperty().get()))
                .containsExactly(LocalDate.of(2019, 7, 2), LocalDate.of(2019, 7, 7), LocalDate.of(2019, 7, 8),
                        LocalDate.of(2019, 7, 14));
        assertThat(reopened.filter().fromProperty().get()).isEqualTo(LocalDate.of(2019, 7, 2));
        assertThat(reopened.filter().toProperty().get()).isEqualTo(LocalDate.of(2019, 7, 14));
        assertThat(List.of(reopened.filter().ageLowProperty().get(), reopened.filter().ageHighProperty().get()))
                .containsExactly(20.0, 45.0);
        assertThat(reopened.filter().cities()).containsExactly("北京");
        // The explorer's bridge starts from the run's own periods, as it did when the result was fresh.
        assertThat(reopened.explorer().presetProperty().get()).isEqualTo(PeriodPreset.CUSTOM);
        assertThat(List.of(reopened.explorer().baseFromProperty().get(), reopened.explorer().currentToProperty().get()))
                .containsExactly(LocalDate.of(2019, 7, 2), LocalDate.of(2019, 7, 14));
        assertThat(reopened.validationErrorProperty().get()).isEmpty();
    }
}
