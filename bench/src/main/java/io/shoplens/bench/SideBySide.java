package io.shoplens.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.ads.AdClickAnalysis.AdParams;
import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.gmv.GmvAnalysis.GmvParams;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.pages.PageConversionAnalysis;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;
import io.shoplens.engine.products.HotProductsAnalysis.ProductParams;
import io.shoplens.engine.run.AnalysisRunner;
import io.shoplens.engine.run.ColdRun;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.sessions.SessionAnalysis;
import io.shoplens.engine.sessions.SessionAnalysis.SessionParams;
import io.shoplens.engine.workspace.Workspace;

/**
 * The three systems on the same logs: ShopLens (import, then {@code analyze --analysis all}),
 * DuckDB in-process (over the CSV it loads itself, and over ShopLens's Parquet), and the classic
 * RDD code (sessions and page jumps over ShopLens's Parquet). Each call times its steps into a
 * {@link Steps} and returns the tables it computed, by table name.
 */
final class SideBySide {

    static final String SHOPLENS = "ShopLens";
    static final String DUCKDB_CSV = "DuckDB (CSV)";
    static final String DUCKDB_PARQUET = "DuckDB (Parquet)";
    static final String RDD = "RDD groupByKey";
    static final List<String> SYSTEMS = List.of(SHOPLENS, DUCKDB_CSV, DUCKDB_PARQUET, RDD);

    /**
     * The analyses the DuckDB side computes, and no others, with their defaults and ad dates in UTC
     * (the DuckDB SQL cuts dates in UTC as well). Not {@link RunRequest#ALL}: that list grew the
     * funnel and audience, which the SQL does not compute, and ShopLens's time then held work the
     * peer's did not (1M actions: 148 s against 3.6 s; 53 s without those two).
     */
    static final RunRequest REQUEST = new RunRequest(List.copyOf(DuckDbAnalyses.ANALYSES.keySet()),
            SessionFilter.NONE, SessionParams.defaults(), PageParams.defaults(), new ProductParams(),
            new AdParams(100, ZoneOffset.UTC), new GmvParams());

    /**
     * What the RDD code computes, as ShopLens runs it on its own. In the run of every analysis
     * products and ads share the cores with sessions and pages, so those two parts of that run
     * are not the time ShopLens needs for them.
     */
    static final RunRequest SESSIONS_AND_PAGES_ONLY = new RunRequest(List.of(SessionAnalysis.NAME,
            PageConversionAnalysis.NAME), REQUEST.filter(), REQUEST.sessions(), REQUEST.pages(), REQUEST.products(),
            REQUEST.ads(), REQUEST.gmv());

    private final SparkSession spark;
    private final Path logs;
    private final Workspace workspace;

    /**
     * @param logs      the generated CSV files (DuckDB loads them)
     * @param workspace ShopLens's workspace with those logs imported (its Parquet is read by the
     *                  engine, by DuckDB (Parquet) and by the RDD code)
     */
    SideBySide(SparkSession spark, Path logs, Workspace workspace) {
        this.spark = spark;
        this.logs = logs;
        this.workspace = workspace;
    }

    /** ShopLens's import of the logs into a fresh workspace at {@code folder} (timed, then discarded by the caller). */
    ImportReport shopLensImport(Steps steps, Path folder) {
        try (Workspace fresh = Workspace.open(folder)) {
            return steps.time(SHOPLENS, Steps.IMPORT, () -> Importer.importFiles(fresh, List.of(logs),
                    ImportOptions.defaults(), (f, m) -> { }, CancellationToken.none()));
        }
    }

    Map<String, ResultTable> shopLens(Steps steps) {
        Map<String, ResultTable> tables = new LinkedHashMap<>();
        var tablesOfWorkspace = workspace.tables(spark);
        AnalysisRunner.Outcome outcome = steps.time(SHOPLENS, Steps.ALL,
                () -> ColdRun.run(tablesOfWorkspace, REQUEST, new AnalysisRunner.Listener() {
                    @Override
                    public void started(String analysis, int index, int count) {
                        steps.startPart(analysis);
                    }

                    @Override
                    public void finished(String analysis, long millis) {
                        steps.endPart(SHOPLENS, analysis);
                    }
                }));
        for (AnalysisResult result : outcome.results()) {
            result.tables().forEach(t -> tables.put(t.name(), t));
        }
        steps.time(SHOPLENS, CompareReport.SESSIONS_AND_PAGES,
                () -> ColdRun.run(tablesOfWorkspace, SESSIONS_AND_PAGES_ONLY, AnalysisRunner.Listener.NONE));
        return tables;
    }

    Map<String, ResultTable> duckDbCsv(Steps steps) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbAnalyses.configure(db);
            steps.time(DUCKDB_CSV, Steps.IMPORT, () -> {
                DuckDbSources.loadCsv(db, logs);
                return null;
            });
            return duckDbAnalyses(steps, DUCKDB_CSV, db);
        }
    }

    Map<String, ResultTable> duckDbParquet(Steps steps) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbAnalyses.configure(db);
            DuckDbSources.viewParquet(db, workspace.datasets().all());
            return duckDbAnalyses(steps, DUCKDB_PARQUET, db);
        }
    }

    Map<String, ResultTable> rdd(Steps steps) {
        Map<String, ResultTable> tables = new LinkedHashMap<>();
        Dataset<Row> actions = workspace.tables(spark).actions();
        steps.time(RDD, Steps.ALL, () -> {
            steps.startPart("sessions");
            RddAnalysis.sessions(actions).forEach(t -> tables.put(t.name(), t));
            steps.endPart(RDD, "sessions");
            steps.startPart("pages");
            ResultTable jumps = RddAnalysis.pageJumps(actions, PageParams.DEFAULT_FLOW);
            tables.put(jumps.name(), jumps);
            steps.endPart(RDD, "pages");
            return null;
        });
        return tables;
    }

    private static Map<String, ResultTable> duckDbAnalyses(Steps steps, String system, Connection db)
            throws SQLException {
        Map<String, ResultTable> tables = new LinkedHashMap<>();
        steps.time(system, Steps.ALL, () -> {
            for (String analysis : DuckDbAnalyses.ANALYSES.keySet()) {
                steps.startPart(analysis);
                DuckDbAnalyses.run(db, analysis).forEach(t -> tables.put(t.name(), t));
                steps.endPart(system, analysis);
            }
            return null;
        });
        return tables;
    }
}
