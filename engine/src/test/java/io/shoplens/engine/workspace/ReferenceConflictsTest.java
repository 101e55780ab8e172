package io.shoplens.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportListener;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.run.RecordedRun;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.ReferenceConflict.Example;

/**
 * Datasets of a reference kind that define an id differently: the import says so, the most recent
 * import wins (or the dataset the user prefers), the analyses see one row per id, and a run
 * records where each kind's definitions came from.
 */
class ReferenceConflictsTest {

    private static final String USERS = "user_id,username,name,age,professional,city,sex\n";
    private static final String PRODUCTS = "product_id,product_name,extend_info\n";

    @TempDir
    Path dir;

    private ImportReport importing(Workspace ws, Path... files) {
        return Importer.importFiles(ws, List.of(files), ImportOptions.defaults(), ImportListener.NONE,
                CancellationToken.none());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<String> users(Workspace ws) {
        return ws.tables(TestSpark.session()).users().orderBy("user_id").collectAsList().stream()
                .map(r -> r.getAs("user_id") + "|" + r.getAs("age") + "|" + r.getAs("source_file")).toList();
    }

    @Test
    void ofTwoUserSnapshotsTheNewerWinsAndTheUserCanPreferTheOlder() throws IOException {
        Path june = write("users-2019-06.csv", USERS + "1,u1,张三,30,teacher,北京,male\n2,u2,李四,40,doctor,上海,female\n");
        Path july = write("users-2019-07.csv", USERS + "1,u1,张三,31,teacher,北京,male\n2,u2,李四,40,doctor,上海,female\n"
                + "3,u3,王五,25,student,南京,male\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            assertThat(importing(ws, june).conflicts()).isEmpty();
            ImportReport newer = importing(ws, july);

            assertThat(newer.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(LogKind.USER_INFO);
                assertThat(c.winner().id()).isEqualTo(2);
                assertThat(c.overridden().id()).isEqualTo(1);
                assertThat(c.ids()).isEqualTo(1);
                assertThat(c.examples()).containsExactly(new Example(1, "u1 | 张三 | 31 | teacher | 北京 | male",
                        "u1 | 张三 | 30 | teacher | 北京 | male"));
                assertThat(c.describe()).startsWith("user_info: dataset 2 (users-2019-07.csv) overrides 1 id of"
                        + " dataset 1 (users-2019-06.csv) (files " + july + " and " + june + ")");
            });
            assertThat(users(ws)).containsExactly("1|31|" + july, "2|40|" + july, "3|25|" + july);

            ws.datasets().prefer(1);

            assertThat(users(ws)).containsExactly("1|30|" + june, "2|40|" + june, "3|25|" + july);
            assertThat(ws.references().conflicts()).singleElement().satisfies(c -> {
                assertThat(c.winner().id()).isEqualTo(1);
                assertThat(c.examples()).extracting(Example::winning)
                        .containsExactly("u1 | 张三 | 30 | teacher | 北京 | male");
            });
        }
    }

    @Test
    void aProductDefinedInTwoFilesWithDifferentNamesIsReportedAndJoinedOnce() throws IOException {
        Path first = write("products-a.csv", PRODUCTS + "1,手机,\"{\"\"product_status\"\":0,\"\"price\"\":10}\"\n"
                + "2,电脑,\"{\"\"product_status\"\":0}\"\n");
        Path second = write("products-b.csv", PRODUCTS + "1,电话,\"{\"\"product_status\"\": 0, \"\"price\"\": 10}\"\n"
                + "2,电脑,\"{\"\"product_status\"\":0}\"\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            ImportReport report = importing(ws, first, second);

            // The same status and price written with other spaces is the same definition: only the name differs.
            assertThat(report.conflicts()).singleElement().satisfies(c -> {
                assertThat(c.kind()).isEqualTo(LogKind.PRODUCT_INFO);
                assertThat(c.winner().files()).containsExactly(second.toString());
                assertThat(c.overridden().files()).containsExactly(first.toString());
                assertThat(c.ids()).isEqualTo(1);
                assertThat(c.examples()).containsExactly(new Example(1, "电话 | 0 | 10.0", "手机 | 0 | 10.0"));
            });
            LogTables tables = ws.tables(TestSpark.session());
            List<Row> products = tables.products().orderBy("product_id").collectAsList();
            assertThat(products).extracting(r -> r.getAs("product_id") + "|" + r.getAs("product_name"))
                    .containsExactly("1|电话", "2|电脑");
        }
    }

    @Test
    void aFileThatDefinesAnIdTwiceGivesTheAnalysesItsLaterRow() throws IOException {
        Path users = write("users.csv", USERS + "1,u1,张三,30,teacher,北京,male\n1,u1,张三,32,teacher,北京,male\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            importing(ws, users);

            assertThat(users(ws)).containsExactly("1|32|" + users);
            assertThat(ws.references().conflicts()).isEmpty();
        }
    }

    @Test
    void aRunRecordsWhichDatasetEachReferenceKindCameFrom() throws Exception {
        Path cities = write("city_info.csv", "city_id,city_name,area\n1,上海,华东\n2,南京,华东\n3,北京,华北\n4,广州,华南\n");
        Path users = write("user_info.csv", USERS + "1,u1,张三,30,teacher,北京,male\n");
        Path numbers = write("numbers.csv", "1,2,3\n2,x,y\n3,北京,华北\n4,p,q\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            importing(ws, cities, users);
            Importer.importFiles(ws, List.of(numbers), new ImportOptions(Optional.of(LogKind.CITY_INFO),
                    Optional.empty()), ImportListener.NONE, CancellationToken.none());
            List<Long> all = ws.datasets().all().stream().map(DatasetInfo::id).toList();

            RecordedRun.start(ws, RunRequest.defaults(List.of("products")), all);

            RunSummary run = ws.runs().all().get(0);
            assertThat(run.referenceSources()).flatExtracting(ReferenceSource::describe).containsExactly(
                    "user_info from dataset 2 (user_info.csv)",
                    "city_info ids from dataset 3 (numbers.csv) override 3 ids of dataset 1 (city_info.csv)");
            assertThat(run.referenceSources()).extracting(ReferenceSource::kind)
                    .containsExactly(LogKind.USER_INFO, LogKind.CITY_INFO);
        }
    }
}
