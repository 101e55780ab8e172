package io.shoplens.engine.gmv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;


class LmdiTest {

    @Test
    void logMean() {
        assertThat(Lmdi.logMean(5.0, 5.0)).isEqualTo(5.0);
        assertThat(Lmdi.logMean(2.0, 1.0)).isCloseTo(1 / Math.log(2), within(1e-15));
        assertThat(Lmdi.logMean(1.0, 2.0)).isCloseTo(1 / Math.log(2), within(1e-15));
    }

    @Test
    void effectsSumToTheDelta() {
        // 100 sessions, 10 orders, 500 → 120 sessions, 15 orders, 900
        Lmdi.BridgeRow row = Lmdi.decompose("channel", "search", new GmvTotals(100, 10, 500), new GmvTotals(120, 15, 900));
        double l = 400 / Math.log(900.0 / 500);
        assertThat(row.trafficEffect()).isCloseTo(l * Math.log(1.2), within(1e-12));
        assertThat(row.conversionEffect()).isCloseTo(l * Math.log(0.125 / 0.1), within(1e-12));
        assertThat(row.aovEffect()).isCloseTo(l * Math.log(60.0 / 50), within(1e-12));
        assertThat(row.trafficEffect() + row.conversionEffect() + row.aovEffect()).isCloseTo(400, within(400 * 1e-12));
    }

    @Test
    void equalGmvStillSplitsWithLogMeanOfEqualValues() {
        // Twice the sessions, half the AOV: GMV unchanged, L(G, G) = G.
        Lmdi.BridgeRow row = Lmdi.decompose("all", "(total)", new GmvTotals(10, 5, 100), new GmvTotals(20, 10, 100));
        assertThat(row.delta()).isEqualTo(0.0);
        assertThat(row.trafficEffect()).isCloseTo(100 * Math.log(2), within(1e-12));
        assertThat(row.conversionEffect()).isCloseTo(0.0, within(1e-12));
        assertThat(row.aovEffect()).isCloseTo(-100 * Math.log(2), within(1e-12));
    }

    @Test
    void zeroGmvInEitherPeriodIsAllTraffic() {
        assertThat(Lmdi.decompose("city", "x", GmvTotals.ZERO, new GmvTotals(3, 1, 7)))
                .isEqualTo(new Lmdi.BridgeRow("city", "x", 0.0, 7.0, 7.0, 7.0, 0.0, 0.0));
        assertThat(Lmdi.decompose("city", "x", new GmvTotals(3, 1, 7), new GmvTotals(2, 0, 0)))
                .isEqualTo(new Lmdi.BridgeRow("city", "x", 7.0, 0.0, -7.0, -7.0, 0.0, 0.0));
    }

    @Test
    void bridgeListsValuesOfBothPeriodsInOrderThenTheirTotal() {
        List<Lmdi.BridgeRow> rows = Lmdi.bridge("age_group",
                Map.of("unknown", new GmvTotals(1, 1, 2), "<18", new GmvTotals(2, 1, 4)),
                Map.of("55+", new GmvTotals(1, 1, 5), "<18", new GmvTotals(4, 2, 8)),
                GmvDimension.AGE_GROUP.valueOrder());
        assertThat(rows).extracting(Lmdi.BridgeRow::value).containsExactly("<18", "55+", "unknown", "(total)");
        // <18: twice the sessions at the same conversion and AOV: all traffic.
        assertThat(rows.get(0).trafficEffect()).isCloseTo(4.0, within(1e-12));
        assertThat(rows.get(0).conversionEffect()).isCloseTo(0.0, within(1e-12));
        assertThat(rows.get(3)).isEqualTo(new Lmdi.BridgeRow("age_group", "(total)", 6.0, 13.0, 7.0,
                rows.get(0).trafficEffect() + 5.0 - 2.0, rows.get(0).conversionEffect(), rows.get(0).aovEffect()));
    }

    @Test
    void ratesAreEmptyWithoutDenominator() {
        assertThat(GmvTotals.ZERO.conversion()).isNull();
        assertThat(GmvTotals.ZERO.aov()).isNull();
        assertThat(new GmvTotals(4, 0, 0).conversion()).isEqualTo(0.0);
        assertThat(new GmvTotals(4, 0, 0).aov()).isNull();
        assertThat(new GmvTotals(4, 2, 3).aov()).isEqualTo(1.5);
    }

    @Test
    void dateRanges() {
        DateRange r = DateRange.parse(" 2019-07-01..2019-07-07 ");
        assertThat(r).isEqualTo(new DateRange(LocalDate.of(2019, 7, 1), LocalDate.of(2019, 7, 7)));
        assertThat(r.contains(LocalDate.of(2019, 7, 7))).isTrue();
        assertThat(r.contains(LocalDate.of(2019, 7, 8))).isFalse();
        assertThat(r).hasToString("2019-07-01..2019-07-07");
        assertThatThrownBy(() -> DateRange.parse("2019-07-07..2019-07-01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DateRange.parse("2019-07-01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DateRange.parse("2019-02-30..2019-03-01")).isInstanceOf(IllegalArgumentException.class);
    }
}
