package io.shoplens.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.SessionFilter;
import io.shoplens.engine.audience.OneSuspectShop;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportListener;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.OnTheFly;
import io.shoplens.engine.testing.Fixtures;
import io.shoplens.engine.testing.SameResults;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.DatasetInfo;

/**
 * A one-shot run held in memory gives what the same run gives on Spark alone: its analyses, the
 * ad clicks beside them, and the note about suspects left out, on {@link OneSuspectShop}. (Every
 * analysis's memory form is held to Spark's in its own tests.)
 */
class ColdRunTest {

    /** One analysis of each kind: of the sessions (sessions, GMV, audience) and of the ad clicks (ads). */
    private static final List<String> ANALYSES = List.of("sessions", "ads", "gmv", "audience");

    private static LogTables tables;

    @BeforeAll
    static void fixture() {
        SparkSession spark = TestSpark.session();
        tables = LogTables.empty(spark)
                .withActions(Fixtures.actions(spark, OneSuspectShop.all()))
                .withAdClicks(Fixtures.adClicks(spark, "1563328800000|北京|北京|1|7", "1563415200000|上海|上海|2|8"));
    }

    @Test
    void heldInMemoryTheRunAndItsNoteAreSparksWithSuspectsLeftOut() {
        // The suspects are found in memory here, by Spark's rules there.
        RunRequest request = RunRequest.defaults(ANALYSES).withAudience(OneSuspectShop.oneDayEach())
                .withFilter(SessionFilter.NONE.withExcludeSuspects(true));

        AnalysisRunner.Outcome spark = ColdRun.run(tables, request, AnalysisRunner.Listener.NONE, 0);
        AnalysisRunner.Outcome held = ColdRun.run(tables, request, AnalysisRunner.Listener.NONE, 1_000);

        assertThat(held.timingsMillis().keySet()).containsExactlyElementsOf(ANALYSES);
        for (int i = 0; i < ANALYSES.size(); i++) {
            SameResults.assertSameTables(ANALYSES.get(i), spark.results().get(i), held.results().get(i));
        }
        assertThat(held.notes()).isEqualTo(spark.notes())
                .containsExactly("excluded 1 suspect user (2 sessions), found on the unfiltered data");
    }

    @Test
    void whatTheImportCouldNotKeepIsReadFromTheTablesOpenedThen() {
        RunRequest request = RunRequest.defaults(ANALYSES).withAudience(OneSuspectShop.oneDayEach());
        AtomicInteger opened = new AtomicInteger();

        AnalysisRunner.Outcome read = ColdRun.run(tables, request, AnalysisRunner.Listener.NONE, 1_000);
        AnalysisRunner.Outcome late = ColdRun.runLocally(() -> {
            opened.incrementAndGet();
            return tables;
        }, request, AnalysisRunner.Listener.NONE, ColdRun.Imported.NONE);

        assertThat(opened).as("opened once, for the model and the clicks").hasValue(1);
        for (int i = 0; i < ANALYSES.size(); i++) {
            SameResults.assertSameTables(ANALYSES.get(i), read.results().get(i), late.results().get(i));
        }
    }

    @Test
    void whatTheImportKeptGivesEveryTableReadingTheTablesBackGivesWithoutOpeningThem() throws IOException {
        HeldImport kept = new HeldImport(1_000_000);
        try (OnTheFly sample = OnTheFly.importTemporary(List.of(Path.of("..", "sample-logs", "shop")),
                ImportOptions.defaults(), ImportListener.NONE, CancellationToken.none(), kept)) {
            LogTables imported = sample.tables(TestSpark.session());
            List<DatasetInfo> datasets = sample.report().datasetIds().stream()
                    .map(id -> sample.workspace().datasets().byId(id).orElseThrow()).toList();
            RunRequest request = RunRequest.defaults(RunRequest.analysesOf(List.of("all")));

            AnalysisRunner.Outcome read = ColdRun.run(imported, request, AnalysisRunner.Listener.NONE, 1_000_000);
            kept.prepare(datasets, request);
            assertThat(kept.keepsAllOf(datasets, request)).isTrue();
            AtomicInteger opened = new AtomicInteger();
            AnalysisRunner.Outcome held = ColdRun.runLocally(() -> {
                opened.incrementAndGet();
                return imported;
            }, request, AnalysisRunner.Listener.NONE, new ColdRun.Imported(kept, datasets));
            assertThat(kept.keepsAllOf(datasets, request)).as("given to the run, and let go").isFalse();
            assertThat(ColdRun.answeredInMemory(request)).isTrue();
            assertThat(opened).as("the tables are not even opened: no Spark job runs").hasValue(0);

            assertThat(held.results()).hasSize(read.results().size()).hasSizeGreaterThan(5);
            for (int i = 0; i < read.results().size(); i++) {
                SameResults.assertSameTables(request.analyses().get(i), read.results().get(i), held.results().get(i));
            }
        }
    }
}
