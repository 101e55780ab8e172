package io.shoplens.engine.gmv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.model.AnalysisInput;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.testing.Tables;

class GmvAnalysisTest {

    @Test
    void dailyTotalsWithRatesAndEmptyAovWithoutOrders() {
        ResultTable daily = GmvFixture.result().table("gmv_daily");
        assertThat(daily.columns()).containsExactly("date", "sessions", "orders", "gmv", "conversion", "aov");
        assertThat(Tables.lines(daily)).containsExactly(
                "2019-07-01|3|4|16.5|1.3333333333333333|4.125",
                "2019-07-02|3|4|34.5|1.3333333333333333|8.625",
                "2019-07-03|1|0|0.0|0.0|");
    }

    @Test
    void breakdownPerDimensionInSpecOrder() {
        ResultTable breakdown = GmvFixture.result().table("gmv_breakdown");
        assertThat(breakdown.columns())
                .containsExactly("dimension", "value", "sessions", "orders", "gmv", "conversion", "aov");
        assertThat(Tables.lines(breakdown)).containsExactly(
                "channel|direct|1|0|0.0|0.0|",
                "channel|recommend|1|2|0.0|2.0|0.0",
                "channel|search|3|5|47.0|1.6666666666666667|9.4",
                "channel|social|1|1|4.0|1.0|4.0",
                "channel|unknown|1|0|0.0|0.0|",
                "area|(unknown)|1|2|0.0|2.0|0.0",
                "area|华东|2|1|4.0|0.5|4.0",
                "area|华北|4|5|47.0|1.25|9.4",
                "city|(unknown)|1|2|0.0|2.0|0.0",
                "city|上海|2|1|4.0|0.5|4.0",
                "city|北京|4|5|47.0|1.25|9.4",
                "sex|female|2|1|8.0|0.5|8.0",
                "sex|male|3|3|20.5|1.0|6.833333333333333",
                "sex|unknown|2|4|22.5|2.0|5.625",
                "professional|student|2|1|8.0|0.5|8.0",
                "professional|teacher|3|3|20.5|1.0|6.833333333333333",
                "professional|unknown|2|4|22.5|2.0|5.625",
                // Age groups youngest first, not in text order ("<18" would sort after "55+").
                "age_group|<18|2|1|8.0|0.5|8.0",
                "age_group|25-34|3|3|20.5|1.0|6.833333333333333",
                "age_group|unknown|2|4|22.5|2.0|5.625");
    }

    @Test
    void coverageCountsOrdersWhoseAmountIsUnknown() {
        ResultTable coverage = GmvFixture.result().table("gmv_coverage");
        assertThat(coverage.columns()).containsExactly("orders", "orders_without_amount");
        // s3: a category-only pay, and "10,12" where 12 has no price.
        assertThat(Tables.lines(coverage)).containsExactly("8|2");
    }

    @Test
    void cubeHoldsTheCombinationsThatOccur() {
        ResultTable cube = GmvFixture.result().table("gmv_cube");
        assertThat(cube.columns()).containsExactly("date", "channel", "area", "city", "sex", "professional",
                "age_group", "sessions", "orders", "gmv");
        assertThat(Tables.lines(cube)).containsExactly(
                "2019-07-01|recommend|(unknown)|(unknown)|unknown|unknown|unknown|1|2|0.0",
                "2019-07-01|search|华北|北京|male|teacher|25-34|1|2|16.5",
                "2019-07-01|unknown|华东|上海|female|student|<18|1|0|0.0",
                "2019-07-02|search|华北|北京|female|student|<18|1|1|8.0",
                "2019-07-02|search|华北|北京|unknown|unknown|unknown|1|2|22.5",
                "2019-07-02|social|华东|上海|male|teacher|25-34|1|1|4.0",
                "2019-07-03|direct|华北|北京|male|teacher|25-34|1|0|0.0");
    }

    @Test
    void bridgeSplitsEveryDeltaExactly() {
        ResultTable bridge = GmvFixture.result().table("gmv_bridge");
        assertThat(bridge.columns()).containsExactly("dimension", "value", "gmv_base", "gmv_current", "delta",
                "traffic_effect", "conversion_effect", "aov_effect");
        assertThat(bridge.rows()).hasSize(5 + 1 + 3 + 1 + 3 + 1 + 3 + 1 + 3 + 1 + 3 + 1 + 1);
        for (int i = 0; i < bridge.rows().size(); i++) {
            double delta = (Double) bridge.value(i, "delta");
            assertThat(delta).isEqualTo((Double) bridge.value(i, "gmv_current") - (Double) bridge.value(i, "gmv_base"));
            double effects = (Double) bridge.value(i, "traffic_effect") + (Double) bridge.value(i, "conversion_effect")
                    + (Double) bridge.value(i, "aov_effect");
            assertThat(effects).as("row %s", bridge.rows().get(i)).isCloseTo(delta, within(1e-9 * Math.max(1, Math.abs(delta))));
        }

        List<String> lines = Tables.lines(bridge);
        assertThat(lines.subList(0, 6)).startsWith(
                // zero GMV in both periods: nothing to split
                "channel|direct|0.0|0.0|0.0|0.0|0.0|0.0",
                "channel|recommend|0.0|0.0|0.0|0.0|0.0|0.0");
        // zero GMV in the base period: the whole delta is traffic
        assertThat(lines.get(3)).isEqualTo("channel|social|0.0|4.0|4.0|4.0|0.0|0.0");
        assertThat(lines.get(4)).isEqualTo("channel|unknown|0.0|0.0|0.0|0.0|0.0|0.0");
        // search: 1 → 2 sessions, conversion 2 → 1.5, AOV 8.25 → 30.5/3; L(30.5, 16.5) = 14 / ln(30.5/16.5)
        double l = 14 / Math.log(30.5 / 16.5);
        assertThat(bridge.value(2, "value")).isEqualTo("search");
        assertThat((Double) bridge.value(2, "traffic_effect")).isCloseTo(l * Math.log(2), within(1e-12));
        assertThat((Double) bridge.value(2, "traffic_effect")).isCloseTo(15.795235651897247, within(1e-12));
        assertThat((Double) bridge.value(2, "conversion_effect")).isCloseTo(-6.555615105483471, within(1e-12));
        assertThat((Double) bridge.value(2, "aov_effect")).isCloseTo(4.760379453586222, within(1e-12));
        // (total) of channel: the column sums
        assertThat(lines.get(5)).startsWith("channel|(total)|16.5|34.5|18.0|");
        assertThat((Double) bridge.value(5, "traffic_effect")).isCloseTo(4 + 15.795235651897247, within(1e-12));

        // all: 3 → 4 sessions, conversion 4/3 → 1, AOV 4.125 → 8.625: traffic and conversion cancel
        int last = bridge.rows().size() - 1;
        assertThat(bridge.value(last, "dimension")).isEqualTo("all");
        assertThat(bridge.value(last, "value")).isEqualTo("(total)");
        assertThat(lines.get(last)).startsWith("all|(total)|16.5|34.5|18.0|");
        assertThat((Double) bridge.value(last, "traffic_effect")).isCloseTo(7.020451089792203, within(1e-12));
        assertThat((Double) bridge.value(last, "conversion_effect")).isCloseTo(-7.020451089792203, within(1e-12));
        assertThat((Double) bridge.value(last, "aov_effect")).isCloseTo(18.0, within(1e-12));
        assertThat(lines).filteredOn(line -> line.contains("|(total)|")).hasSize(7);
    }

    @Test
    void noBridgeWithoutPeriodsAndPeriodsComeInPairs() {
        AnalysisResult result = GmvAnalysis.run(AnalysisInput.of(GmvFixture.tables(), SessionFilter.NONE),
                new GmvParams());
        assertThat(result.analysis()).isEqualTo("gmv");
        assertThat(result.tables()).extracting(ResultTable::name)
                .containsExactly("gmv_daily", "gmv_breakdown", "gmv_cube", "gmv_coverage");
        assertThatThrownBy(() -> new GmvParams(Optional.of(GmvFixture.BASE), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(GmvFixture.result().tables()).extracting(ResultTable::name)
                .containsExactly("gmv_daily", "gmv_breakdown", "gmv_bridge", "gmv_cube", "gmv_coverage");
    }
}
