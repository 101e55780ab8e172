package io.shoplens.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.generate.GenerateProgress;
import io.shoplens.engine.generate.GenerateSettings;
import io.shoplens.engine.generate.LogFormat;
import io.shoplens.engine.generate.LogGenerator;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.spark.SparkSessions;
import io.shoplens.engine.spark.SparkSettings;
import io.shoplens.engine.workspace.Workspace;

/**
 * The benchmark's agreement check on a small generated log: DuckDB over CSV, DuckDB over
 * ShopLens's Parquet and the RDD code compute the same numbers as ShopLens, table by table and
 * cell by cell. If the engine changes a number (or the SQL drifts from docs/ANALYSES.md), this
 * fails here instead of in a benchmark run.
 */
class AgreementTest {

    @TempDir
    static Path dir;

    private static Map<String, ResultTable> shopLens;
    private static Map<String, Map<String, ResultTable>> others;

    @BeforeAll
    static void runAllSystems() throws Exception {
        // Small but with every feature: ties in action_time, orders and pays, many areas, ad clicks.
        GenerateSettings settings = new GenerateSettings(400, 200, 100, 7, 5000, 7,
                LocalDate.of(2019, 7, 17), List.of(LogFormat.CSV));
        Path logs = dir.resolve("logs");
        new LogGenerator(settings).writeTo(logs, GenerateProgress.NONE);
        SparkSession spark = SparkSessions.shared(
                new SparkSettings("local[2]", 2, 4, SparkSettings.fromEnvironment().scratchDir()));
        try (Workspace ws = Workspace.open(dir.resolve("workspace")); Steps steps = new Steps()) {
            Importer.importFiles(ws, List.of(logs), ImportOptions.defaults(), (f, m) -> { }, CancellationToken.none());
            SideBySide systems = new SideBySide(spark, logs, ws);
            steps.repeat(1);
            shopLens = systems.shopLens(steps);
            others = new LinkedHashMap<>();
            others.put(SideBySide.DUCKDB_CSV, systems.duckDbCsv(steps));
            others.put(SideBySide.DUCKDB_PARQUET, systems.duckDbParquet(steps));
            others.put(SideBySide.RDD, systems.rdd(steps));
        }
    }

    @Test
    void everySystemAgreesWithShopLens() {
        assertThat(Agreement.check(shopLens, others)).isEmpty();
    }

    @Test
    void theComparedTablesAreTheDocumentedOnesAndNotEmpty() {
        List<String> duckDb = List.of("visit_length", "step_length", "top_categories", "top_sessions", "page_jumps",
                "session_funnel", "top_products", "blacklist", "daily_clicks", "top_ads", "minute_trend", "gmv_daily",
                "gmv_cube");
        assertThat(others.get(SideBySide.DUCKDB_CSV).keySet()).containsExactlyElementsOf(duckDb);
        assertThat(others.get(SideBySide.DUCKDB_PARQUET).keySet()).containsExactlyElementsOf(duckDb);
        assertThat(others.get(SideBySide.RDD).keySet()).containsExactly("visit_length", "step_length", "page_jumps");
        // All 400 sessions are bucketed, and the flow has jumps: the agreement is not one of empty tables.
        ResultTable visits = others.get(SideBySide.RDD).get("visit_length");
        assertThat(visits.rows().stream().mapToLong(r -> (Long) r.get(1)).sum()).isEqualTo(400);
        ResultTable jumps = others.get(SideBySide.DUCKDB_PARQUET).get("page_jumps");
        assertThat(jumps.rows().stream().mapToLong(r -> (Long) r.get(3)).sum()).isPositive();
        assertThat(others.get(SideBySide.DUCKDB_CSV).get("gmv_daily").rows()).hasSize(7);
        assertThat(others.get(SideBySide.DUCKDB_CSV).get("daily_clicks").rows()).isNotEmpty();
    }

    @Test
    void aChangedCellIsADifference() {
        ResultTable jumps = shopLens.get("page_jumps");
        assertThat(TableComparison.differences("same", jumps, jumps)).isEmpty();
        assertThat(TableComparison.differences("off by 1e-6", jumps, withFirstRate(jumps, 1e-6))).hasSize(1);
        assertThat(TableComparison.differences("off by 1e-13", jumps, withFirstRate(jumps, 1e-13))).isEmpty();
        ResultTable shorter = new ResultTable(jumps.name(), jumps.columns(), jumps.rows().subList(1, jumps.rows().size()));
        assertThat(TableComparison.differences("a row less", jumps, shorter)).isNotEmpty();
    }

    @Test
    void everySystemTakesTheFirstTurnOnceInFourRounds() {
        assertThat(List.of(1, 2, 3, 4).stream().map(r -> CompareBench.turnOrder(r).get(0)).toList())
                .containsExactlyInAnyOrderElementsOf(SideBySide.SYSTEMS);
        assertThat(CompareBench.turnOrder(5)).isEqualTo(CompareBench.turnOrder(1));
    }

    @Test
    void everySystemFollowsEveryOtherOnceInFourRounds() {
        List<String> pairs = new ArrayList<>();
        for (int r = 1; r <= 4; r++) {
            List<String> order = CompareBench.turnOrder(r);
            assertThat(order).containsExactlyInAnyOrderElementsOf(SideBySide.SYSTEMS);
            for (int i = 1; i < order.size(); i++) {
                pairs.add(order.get(i - 1) + " > " + order.get(i));
            }
        }
        // 4 systems: 12 ordered pairs of neighbours, each once.
        assertThat(pairs).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void warmUpRoundsAreReportedApartAndNotInTheMedians() {
        List<Steps.Sample> samples = List.of(
                new Steps.Sample(SideBySide.SHOPLENS, Steps.ALL, 1, 100.0, 0, 0, 1.0),
                new Steps.Sample(SideBySide.DUCKDB_PARQUET, Steps.ALL, 1, 20.0, 0, 0, 1.0),
                new Steps.Sample(SideBySide.SHOPLENS, Steps.ALL, 2, 40.0, 0, 0, 1.0),
                new Steps.Sample(SideBySide.DUCKDB_PARQUET, Steps.ALL, 2, 20.0, 0, 0, 1.0),
                new Steps.Sample(SideBySide.SHOPLENS, Steps.ALL, 3, 44.0, 0, 0, 1.0),
                new Steps.Sample(SideBySide.DUCKDB_PARQUET, Steps.ALL, 3, 22.0, 0, 0, 1.0));
        String report = CompareBench.report("# title", 1, samples);
        String counted = report.substring(0, report.indexOf("## Warm-up"));
        String cold = report.substring(report.indexOf("## Warm-up"));
        assertThat(counted).contains("| all analyses | 42.00 s |  | 21.00 s |  |  | 2.00× |").doesNotContain("100.00 s");
        assertThat(cold).contains("| all analyses | 100.00 s |  | 20.00 s |  |  | 5.00× |");
    }

    @Test
    void shopLensOwnSessionsAndPagesRunIsComparedWithTheRddCodeNotItsOverlappingParts() {
        List<Steps.Sample> samples = List.of(
                new Steps.Sample(SideBySide.SHOPLENS, "sessions", 1, 30.0, 0, 0, 1.0),
                new Steps.Sample(SideBySide.SHOPLENS, "pages", 1, 3.0, 0, 0, 1.0),
                new Steps.Sample(SideBySide.SHOPLENS, CompareReport.SESSIONS_AND_PAGES, 1, 25.0, 0, 0, 1.0),
                new Steps.Sample(SideBySide.RDD, "sessions", 1, 100.0, 0, 0, 1.0),
                new Steps.Sample(SideBySide.RDD, "pages", 1, 50.0, 0, 0, 1.0));

        assertThat(CompareReport.markdown(samples))
                .contains("| sessions | 30.00 s |  |  | 100.00 s |  |  | 3.33× |")
                .contains("| sessions + pages | 25.00 s |  |  | 150.00 s |  |  | 6.00× |");
    }

    /** page_jumps with its first step_rate moved by {@code delta} (relative). */
    private static ResultTable withFirstRate(ResultTable jumps, double delta) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : jumps.rows()) {
            rows.add(new ArrayList<>(r));
        }
        int rate = jumps.columnIndex("step_rate");
        double value = (Double) rows.get(0).get(rate);
        rows.get(0).set(rate, value * (1 + delta));
        return new ResultTable(jumps.name(), jumps.columns(), rows);
    }
}
