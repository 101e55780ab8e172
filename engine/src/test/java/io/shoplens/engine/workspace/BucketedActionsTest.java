package io.shoplens.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.analysis.SessionSummaries;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportListener;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.logs.SessionBuckets;
import io.shoplens.engine.testing.TestSpark;

class BucketedActionsTest {

    private static final String HEADER = "date,user_id,session_id,page_id,action_time,search_keyword,click_category_id,"
            + "click_product_id,order_category_ids,order_product_ids,pay_category_ids,pay_product_ids,city_id\n";

    @TempDir
    Path dir;

    /** Two datasets, sessions spread over both and over two dates, in a folder whose name needs quoting in SQL. */
    private Workspace importedTwice() throws IOException {
        StringBuilder first = new StringBuilder(HEADER);
        StringBuilder second = new StringBuilder(HEADER);
        for (int s = 0; s < 40; s++) {
            for (int step = 0; step < 3; step++) {
                String date = s % 2 == 0 ? "2019-07-17" : "2019-07-18";
                String line = String.format("%s,%d,session-%d,%d,%s 10:%02d:00,null,-1,-1,null,null,null,null,1%n",
                        date, s, s, step + 1, date, step);
                (step == 2 && s % 3 == 0 ? second : first).append(line);
            }
        }
        Path a = Files.writeString(dir.resolve("first.csv"), first);
        Path b = Files.writeString(dir.resolve("second.csv"), second);
        Workspace ws = Workspace.open(dir.resolve("it's a shop"));
        Importer.importFiles(ws, List.of(a, b), ImportOptions.defaults(), ImportListener.NONE, CancellationToken.none());
        assertThat(ws.datasets()).hasSize(2);
        return ws;
    }

    private static Dataset<Row> readPlain(SparkSession spark, Workspace ws) {
        return ws.datasets().stream()
                .map(d -> spark.read().schema(LogKind.USER_VISIT_ACTION.storedSchema()).parquet(d.dataPath().toString()))
                .reduce(Dataset::unionByName).orElseThrow();
    }

    private static List<String> summaries(Dataset<Row> actions) {
        try (SessionSummaries s = SessionSummaries.of(actions, Optional.empty())) {
            return s.table().orderBy("session_id").collectAsList().stream().map(Row::toString).toList();
        }
    }

    private static String plan(Dataset<Row> actions) {
        return actions.groupBy("session_id").count().queryExecution().executedPlan().toString();
    }

    @Test
    void importedActionsAreGroupedBySessionWithoutAShuffleAndGiveTheSameSummaries() throws IOException {
        SparkSession spark = TestSpark.session();
        try (Workspace ws = importedTwice()) {
            for (DatasetInfo d : ws.datasets()) {
                assertThat(SessionBuckets.countIn(d.dataPath())).hasValue(SessionBuckets.COUNT);
            }
            Dataset<Row> actions = ws.tables(spark).actions();
            assertThat(actions.schema()).isEqualTo(LogKind.USER_VISIT_ACTION.storedSchema());
            assertThat(actions.count()).isEqualTo(120);
            assertThat(plan(actions)).doesNotContain("Exchange");
            List<String> bucketed = summaries(actions);
            assertThat(bucketed).hasSize(40).isEqualTo(summaries(readPlain(spark, ws)));
            assertThat(bucketed.get(0)).startsWith("[session-0,2019-07-17T10:00,2019-07-17T10:02,3,2019-07-17_10,ArraySeq(1, 2, 3),");
            // Asked again, the catalog's tables are reused, not created twice.
            assertThat(ws.tables(spark).actions().count()).isEqualTo(120);
        }
    }

    @Test
    void aDatasetImportedWithoutBucketsIsReadAsBefore() throws IOException {
        SparkSession spark = TestSpark.session();
        try (Workspace ws = importedTwice()) {
            // As an older ShopLens left it: one folder without the marker.
            Files.delete(ws.datasets().get(1).dataPath().resolve(SessionBuckets.MARKER));
            Dataset<Row> actions = ws.tables(spark).actions();
            assertThat(plan(actions)).contains("Exchange hashpartitioning(session_id");
            assertThat(summaries(actions)).isEqualTo(summaries(readPlain(spark, ws)));
        }
    }

    @Test
    void pathsAreQuotedForSql() {
        assertThat(BucketedActions.sqlString("C:\\Users\\o'brien\\ws")).isEqualTo("'C:\\\\Users\\\\o\\'brien\\\\ws'");
    }
}
