package io.shoplens.app.gmv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.gmv.GmvDimension;
import io.shoplens.engine.gmv.GmvTotals;

class GmvExplorerViewModelTest {

    private final GmvExplorerViewModel model = new GmvExplorerViewModel(Messages.forLocale(Locale.ENGLISH));

    private record State(List<DrillStep> path, GmvDimension dimension, GmvSlice slice) {
    }

    private State state() {
        return new State(List.copyOf(model.path()), model.dimensionProperty().get(), model.sliceProperty().get());
    }

    @Test
    void loadShowsTheShopByChannelWithLastWeekAgainstTheWeekBefore() {
        model.load(CannedCube.result(), Optional.empty());

        assertThat(model.presetProperty().get()).isEqualTo(PeriodPreset.WEEK);
        assertThat(model.baseFromProperty().get()).isEqualTo(LocalDate.of(2019, 7, 4));
        assertThat(model.baseToProperty().get()).isEqualTo(LocalDate.of(2019, 7, 10));
        assertThat(model.currentFromProperty().get()).isEqualTo(LocalDate.of(2019, 7, 11));
        assertThat(model.currentToProperty().get()).isEqualTo(LocalDate.of(2019, 7, 17));
        assertThat(model.paidChannels()).containsExactly("display_ad");
        assertThat(model.coverageNoteProperty().get())
                .isEqualTo("3 of 300 orders have no amount or price: their GMV is unknown and counted as 0.");
        GmvSlice slice = model.sliceProperty().get();
        assertThat(slice.breakdown()).containsOnlyKeys("display_ad", "recommend", "search");
        // Day 0: sessions 2 × (10 + 11 + 12); orders 2+3, 3+4, 4+5 (华北+华东 per channel);
        // GMV (200 + 330) + (300 + 440) + (400 + 550).
        assertThat(slice.daily().get(CannedCube.FIRST)).isEqualTo(new GmvTotals(66, 21, 2220));
        // Orders per cell rise by one in the current week, sessions by 7: all three effects sum to the change.
        var bridge = slice.bridge();
        assertThat(bridge.trafficEffect() + bridge.conversionEffect() + bridge.aovEffect())
                .isCloseTo(bridge.delta(), within(1e-6));
        assertThat(model.storyProperty().get()).startsWith("GMV +").contains("Biggest movers by Channel:");
    }

    @Test
    void drillAndBackRestoreTheSameState() {
        model.load(CannedCube.result(), Optional.empty());
        State before = state();

        model.drill("recommend");
        assertThat(model.path()).containsExactly(new DrillStep(GmvDimension.CHANNEL, "recommend"));
        assertThat(model.dimensionProperty().get()).isEqualTo(GmvDimension.AREA);
        assertThat(model.sliceProperty().get().breakdown()).containsOnlyKeys("华北", "华东");
        State one = state();
        model.drill("华东");
        assertThat(model.path()).extracting(DrillStep::toString).containsExactly("channel=recommend", "area=华东");
        // Day 0 of recommend in 华东: 11 sessions, 4 orders, ¥440.
        assertThat(model.sliceProperty().get().daily().get(CannedCube.FIRST)).isEqualTo(new GmvTotals(11, 4, 440));

        model.back();
        assertThat(state()).isEqualTo(one);
        model.back();
        assertThat(state()).isEqualTo(before);

        model.drill("search");
        model.drill("华北");
        model.upTo(0);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void presetsAndCustomPeriods() {
        model.load(CannedCube.result(), Optional.empty());

        model.presetProperty().set(PeriodPreset.MONTH);
        assertThat(model.periods().orElseThrow()).containsExactly(DateRange.parse("2019-06-01..2019-06-17"),
                DateRange.parse("2019-07-01..2019-07-17"));
        // June is not in the data: all of July's GMV is new, and the whole change is traffic.
        assertThat(model.sliceProperty().get().bridge().gmvBase()).isZero();

        model.baseFromProperty().set(LocalDate.of(2019, 7, 4));
        assertThat(model.presetProperty().get()).isEqualTo(PeriodPreset.CUSTOM);
        model.baseToProperty().set(LocalDate.of(2019, 7, 3));
        assertThat(model.periodProblemProperty().get()).isEqualTo("A period ends before it starts.");
        assertThat(model.sliceProperty().get().bridge()).isNull();
        model.baseToProperty().set(LocalDate.of(2019, 7, 4));
        assertThat(model.periodProblemProperty().get()).isEmpty();
        assertThat(model.sliceProperty().get().bridge().gmvBase()).isEqualTo(2220.0);
    }

    @Test
    void paidAndFreeSplitTheSliceAndItsChange() {
        model.load(CannedCube.result(), Optional.empty());
        GmvSlice slice = model.sliceProperty().get();
        assertThat(slice.paidBridge().delta() + slice.freeBridge().delta())
                .isCloseTo(slice.bridge().delta(), within(1e-6));
        // display_ad on day 0: 12 sessions per area, 4 + 5 orders.
        assertThat(slice.paidDaily().get(CannedCube.FIRST)).isEqualTo(new GmvTotals(24, 9, 400 + 550));

        model.paidChannels().setAll("display_ad", "recommend");
        assertThat(model.sliceProperty().get().paidDaily().get(CannedCube.FIRST).sessions()).isEqualTo(46);
        assertThat(model.paidFreeStoryProperty().get()).startsWith("Paid traffic: GMV +").contains("Free traffic: GMV +");
    }

    @Test
    void aResultWithoutACubeShowsNothingToExplore() {
        model.load(new io.shoplens.engine.analysis.AnalysisResult("gmv", List.of()), Optional.empty());
        assertThat(model.cubeProperty().get()).isNull();
        assertThat(model.sliceProperty().get()).isNull();
        assertThat(model.coverageNoteProperty().get()).isEmpty();
    }
}
