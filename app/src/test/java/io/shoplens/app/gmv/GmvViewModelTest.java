package io.shoplens.app.gmv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
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
}
