package io.shoplens.app.gmv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.engine.JobContext;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvAnalysis;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.run.RunRequest;

class GmvViewModelTest {

    private final FakeEngineService engine = new FakeEngineService(Duration.ZERO);
    private final Messages messages = Messages.forLocale(Locale.ENGLISH);
    private final GmvViewModel model = new GmvViewModel(engine, new SyncJobRunner(e -> { }), new RecordingDialogs(),
            messages);

    @Test
    void theRunAsksForTheWindowFilterAndNoBridge() {
        SessionFilter women = SessionFilter.NONE.withSexes(List.of("female"));
        model.hasDataProperty().set(true);
        model.freshness().filterProperty().set(women);

        model.run();

        RunRequest request = engine.requests().get(0);
        assertThat(request.analyses()).containsExactly("gmv");
        assertThat(request.filter()).isEqualTo(women);
        // The explorer compares periods on the cube, without Spark: the run needs none.
        assertThat(request.gmv()).isEqualTo(new GmvParams());
    }

    @Test
    void aReopenedRunWithBridgePeriodsOpensTheExplorerOnThem() throws Exception {
        RunRequest earlier = RunRequest.defaults(List.of("gmv")).withGmv(new GmvParams(
                Optional.of(new DateRange(LocalDate.of(2019, 7, 2), LocalDate.of(2019, 7, 7))),
                Optional.of(new DateRange(LocalDate.of(2019, 7, 8), LocalDate.of(2019, 7, 14)))));
        engine.run(earlier, JobContext.NONE);

        model.loadLastResult();

        assertThat(model.resultProperty().get()).isNotNull();
        assertThat(model.explorer().presetProperty().get()).isEqualTo(PeriodPreset.CUSTOM);
        assertThat(List.of(model.explorer().baseFromProperty().get(), model.explorer().currentToProperty().get()))
                .containsExactly(LocalDate.of(2019, 7, 2), LocalDate.of(2019, 7, 14));
    }

    @Test
    void eightDaysOfDataAreComparedHalfAgainstHalfSoTheFirstSightIsNeverEmpty() {
        ResultTable cube = CannedCube.cube();
        ResultTable eightDays = new ResultTable(cube.name(), cube.columns(), cube.rows().stream()
                .filter(r -> !((LocalDate) r.get(0)).isAfter(CannedCube.FIRST.plusDays(7))).toList());

        model.resultProperty().set(new AnalysisResult(GmvAnalysis.NAME, List.of(eightDays)));

        GmvExplorerViewModel explorer = model.explorer();
        assertThat(List.of(explorer.baseFromProperty().get(), explorer.baseToProperty().get(),
                explorer.currentFromProperty().get(), explorer.currentToProperty().get()))
                .containsExactly(LocalDate.of(2019, 7, 4), LocalDate.of(2019, 7, 7), LocalDate.of(2019, 7, 8),
                        LocalDate.of(2019, 7, 11));
        assertThat(explorer.sliceProperty().get().bridge()).isNotNull();
        assertThat(explorer.periodProblemProperty().get()).isEmpty();
    }

    @Test
    void fourteenDaysOfDataCompareTheLastWeekWithTheWeekBefore() {
        model.resultProperty().set(CannedCube.result());

        GmvExplorerViewModel explorer = model.explorer();
        assertThat(explorer.presetProperty().get()).isEqualTo(PeriodPreset.WEEK);
        assertThat(List.of(explorer.baseFromProperty().get(), explorer.currentToProperty().get()))
                .containsExactly(LocalDate.of(2019, 7, 4), LocalDate.of(2019, 7, 17));
    }

    @Test
    void aNewResultKeepsThePeriodsTheUserComparesWhileTheDataHasThem() {
        model.resultProperty().set(CannedCube.result());
        model.explorer().baseFromProperty().set(LocalDate.of(2019, 7, 5));

        model.resultProperty().set(CannedCube.result());

        assertThat(model.explorer().baseFromProperty().get()).isEqualTo(LocalDate.of(2019, 7, 5));
        assertThat(model.explorer().presetProperty().get()).isEqualTo(PeriodPreset.CUSTOM);
    }
}
