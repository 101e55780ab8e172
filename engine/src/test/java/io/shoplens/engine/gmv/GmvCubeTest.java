package io.shoplens.engine.gmv;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.model.SessionColumns;
import io.shoplens.engine.model.SessionModel;

class GmvCubeTest {

    @Test
    void dailyTotalsAreTheFixturesSessionsByFirstDate() {
        // By hand from GmvFixture's table: 07-01 holds s1 (2, 16.5), s2 (0, 0), s3 (2, 0); 07-02 holds
        // s4 (1, 4), s5 (2, 22.5), s6 (1, 8); 07-03 holds s7 (0, 0).
        GmvCube cube = GmvCube.from(GmvFixture.result().table("gmv_cube"));

        assertThat(cube.daily()).containsExactly(
                Map.entry(LocalDate.of(2019, 7, 1), new GmvTotals(3, 4, 16.5)),
                Map.entry(LocalDate.of(2019, 7, 2), new GmvTotals(3, 4, 34.5)),
                Map.entry(LocalDate.of(2019, 7, 3), new GmvTotals(1, 0, 0.0)));
    }

    @Test
    void cubeTablesEqualAnIndependentSparkAggregationOfTheSessions() {
        // The analysis's tables are the cube's own, so they are checked against Spark group-bys of
        // the session model instead: per first date, and per value of each dimension.
        AnalysisResult analysis = GmvFixture.result();
        GmvCube cube = GmvCube.from(analysis.table("gmv_cube"));
        Dataset<Row> sessions = SessionModel.of(GmvFixture.tables()).sessions();

        List<List<Object>> daily = totals(sessions.groupBy(col(SessionColumns.FIRST_DATE).as("key")));
        assertThat(cube.dailyTable().rows()).containsExactlyElementsOf(daily);
        assertThat(analysis.table("gmv_daily").rows()).containsExactlyElementsOf(daily);

        Dataset<Row> labelled = GmvAnalysis.cubeOf(sessions);
        List<List<Object>> breakdown = new ArrayList<>();
        for (GmvDimension d : GmvDimension.values()) {
            for (List<Object> row : totalsOfCells(labelled.groupBy(col(d.column()).as("key")))) {
                List<Object> withDimension = new ArrayList<>(List.of(d.column()));
                withDimension.addAll(row);
                breakdown.add(withDimension);
            }
        }
        assertThat(cube.breakdownTable().rows()).containsExactlyInAnyOrderElementsOf(breakdown);
        assertThat(analysis.table("gmv_breakdown").rows()).containsExactlyInAnyOrderElementsOf(breakdown);
    }

    private static List<List<Object>> totals(RelationalGroupedDataset groups) {
        return rows(groups.agg(count(lit(1)).as("sessions"), sum(SessionColumns.ORDERS).as("orders"),
                sum(col(SessionColumns.GMV).cast("double")).as("gmv")));
    }

    private static List<List<Object>> totalsOfCells(RelationalGroupedDataset groups) {
        return rows(groups.agg(sum("sessions").as("sessions"), sum("orders").as("orders"),
                sum(col("gmv").cast("double")).as("gmv")));
    }

    /** key, sessions, orders, gmv, conversion (orders / sessions), aov (gmv / orders), keys ascending. */
    private static List<List<Object>> rows(Dataset<Row> totals) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : totals.orderBy("key").collectAsList()) {
            Object key = r.get(0) instanceof java.sql.Date date ? date.toLocalDate() : r.get(0);
            long sessions = r.getLong(1);
            long orders = r.getLong(2);
            double gmv = r.isNullAt(3) ? 0.0 : r.getDouble(3);
            rows.add(java.util.Arrays.asList(key, sessions, orders, gmv,
                    sessions == 0 ? null : (double) orders / sessions, orders == 0 ? null : gmv / orders));
        }
        return rows;
    }

    @Test
    void bridgeOfTheStoredCubeIsTheAnalysisBridge() {
        AnalysisResult spark = GmvFixture.result();
        GmvCube cube = GmvCube.from(spark.table("gmv_cube"));

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
