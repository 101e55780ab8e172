package io.shoplens.engine.gmv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;

class GmvCubeTest {

    @Test
    void cubeReadFromTheStoredTableAnswersAsTheAnalysis() {
        // The analysis slices the exact decimal sums; the explorer loads gmv_cube, GMV as doubles.
        AnalysisResult spark = GmvFixture.result();
        GmvCube cube = GmvCube.from(spark.table("gmv_cube"));

        assertThat(cube.dailyTable()).isEqualTo(spark.table("gmv_daily"));
        // gmv_breakdown holds every dimension, so this compares all six.
        assertThat(cube.breakdownTable()).isEqualTo(spark.table("gmv_breakdown"));
        assertThat(cube.bridgeTable(GmvFixture.BASE, GmvFixture.CURRENT)).isEqualTo(spark.table("gmv_bridge"));
    }

    @Test
    void drillPathsSliceTheCube() {
        GmvCube cube = GmvCube.from(GmvFixture.result().table("gmv_cube"));

        Map<String, GmvTotals> northByChannel = cube.where(GmvDimension.AREA, "华北").breakdown(GmvDimension.CHANNEL);
        assertThat(northByChannel).containsExactly(
                Map.entry("direct", new GmvTotals(1, 0, 0.0)),
                Map.entry("search", new GmvTotals(3, 5, 47.0)));
        assertThat(northByChannel.get("direct").aov()).isNull();

        Map<GmvDimension, String> path = new LinkedHashMap<>();
        path.put(GmvDimension.SEX, "male");
        path.put(GmvDimension.CHANNEL, "search");
        assertThat(cube.where(path).totals()).isEqualTo(new GmvTotals(1, 2, 16.5));
        assertThat(cube.where(path).daily()).containsOnlyKeys(GmvFixture.BASE.from());

        assertThat(cube.during(GmvFixture.CURRENT).totals()).isEqualTo(new GmvTotals(4, 4, 34.5));
        assertThat(cube.where(GmvDimension.CITY, "nowhere").totals()).isEqualTo(GmvTotals.ZERO);

        // Bridge of a slice: 上海 went from 0 (s2) to 4 (s4), all of it traffic.
        assertThat(cube.where(GmvDimension.CITY, "上海").bridgeTotal(GmvFixture.BASE, GmvFixture.CURRENT))
                .isEqualTo(new Lmdi.BridgeRow("all", "(total)", 0.0, 4.0, 4.0, 4.0, 0.0, 0.0));
    }

    @Test
    void paidAndFreeChannelsSplitTheCube() {
        GmvCube cube = GmvCube.from(GmvFixture.result().table("gmv_cube"));

        // search: s1 (2, 16.5), s5 (2, 22.5), s6 (1, 8); social: s4 (1, 4).
        GmvCube paid = cube.whereAny(GmvDimension.CHANNEL, java.util.Set.of("search", "social", "no such channel"));
        GmvCube free = cube.whereNone(GmvDimension.CHANNEL, java.util.Set.of("search", "social", "no such channel"));
        assertThat(paid.totals()).isEqualTo(new GmvTotals(4, 6, 51.0));
        assertThat(free.totals()).isEqualTo(new GmvTotals(3, 2, 0.0));
        assertThat(free.values(GmvDimension.CHANNEL)).containsExactly("direct", "recommend", "unknown");
        assertThat(cube.whereNone(GmvDimension.CHANNEL, java.util.Set.of()).totals()).isEqualTo(cube.totals());

        assertThat(cube.dates()).contains(DateRange.parse("2019-07-01..2019-07-03"));
        assertThat(paid.during(GmvFixture.BASE).dates()).contains(GmvFixture.BASE);
        assertThat(cube.where(GmvDimension.CITY, "nowhere").dates()).isEmpty();
    }
}
