package io.shoplens.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.LogTables;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportListener;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.ImportReport;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.testing.TestSpark;

class WorkspaceTest {

    @TempDir
    Path dir;

    ImportReport importing(Workspace ws, Path... files) {
        return Importer.importFiles(ws, List.of(files), ImportOptions.defaults(), ImportListener.NONE, CancellationToken.none());
    }

    @Test
    void tablesHoldExactlyTheImportedRowsWithTheStoredTypes() throws IOException {
        Path actions = Files.writeString(dir.resolve("uva.csv"),
                "date,user_id,session_id,page_id,action_time,search_keyword,click_category_id,click_product_id,"
                        + "order_category_ids,order_product_ids,pay_category_ids,pay_product_ids,city_id,channel,pay_amount\n"
                        + "2019-07-17,95,s1,37,2019-07-17 00:00:02,手机,-1,-1,null,null,null,null,3,search,\n"
                        + "2019-07-18,96,s2,38,2019-07-18 10:20:30,null,12,7,null,null,\" 1, 2\",5,0,direct,99.5\n"
                        + "2019-07-18,x,s2,38,2019-07-18 10:20:30,null,12,7,null,null,null,null,0,direct,\n");
        Path clicks = Files.writeString(dir.resolve("ads.txt"), "timestamp province city user_id ad_id\n1563321600000 河北 石家庄 12 3\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            importing(ws, actions, clicks);
            SparkSession spark = TestSpark.session();
            LogTables t = ws.tables(spark);
            assertThat(t.actions().schema()).isEqualTo(LogKind.USER_VISIT_ACTION.storedSchema());
            assertThat(t.adClicks().schema()).isEqualTo(LogKind.AD_CLICK.storedSchema());
            assertThat(t.users().schema()).isEqualTo(LogKind.USER_INFO.storedSchema());
            assertThat(t.users().count()).isZero();
            assertThat(t.cities().count()).isEqualTo(10);
            assertThat(t.cities().schema()).isEqualTo(LogKind.CITY_INFO.storedSchema());
            List<Row> rows = t.actions().orderBy("source_line").collectAsList();
            assertThat(rows).hasSize(2);
            Row first = rows.get(0);
            assertThat(first.getAs("date").toString()).isEqualTo("2019-07-17");
            assertThat((Long) first.getAs("user_id")).isEqualTo(95L);
            assertThat((Object) first.getAs("action_time")).isEqualTo(LocalDateTime.of(2019, 7, 17, 0, 0, 2));
            assertThat((String) first.getAs("search_keyword")).isEqualTo("手机");
            assertThat((Object) first.getAs("click_category_id")).isNull();
            assertThat((Object) first.getAs("order_category_ids")).isNull();
            assertThat((Object) first.getAs("pay_amount")).isNull();
            assertThat((String) first.getAs("source_file")).isEqualTo(actions.toString());
            assertThat((Long) first.getAs("source_line")).isEqualTo(2L);
            Row second = rows.get(1);
            assertThat((Long) second.getAs("click_category_id")).isEqualTo(12L);
            assertThat((String) second.getAs("pay_category_ids")).isEqualTo("1,2");
            assertThat((String) second.getAs("pay_product_ids")).isEqualTo("5");
            assertThat((Object) second.getAs("city_id")).isEqualTo(0L);
            assertThat((Double) second.getAs("pay_amount")).isEqualTo(99.5);
            assertThat((Long) second.getAs("source_line")).isEqualTo(3L);
            Row click = t.adClicks().first();
            assertThat((Long) click.getAs("timestamp")).isEqualTo(1563321600000L);
            assertThat((String) click.getAs("city")).isEqualTo("石家庄");
            DatasetInfo d = ws.datasets().all().get(0);
            assertThat(List.of(d.rowsRead(), d.rowsAccepted(), d.rowsRejected())).containsExactly(3L, 2L, 1L);
            assertThat(d.minDate()).isEqualTo(LocalDate.of(2019, 7, 17));
            assertThat(d.maxDate()).isEqualTo(LocalDate.of(2019, 7, 18));
            assertThat(d.fingerprint()).hasSize(64);
            assertThat(Files.isDirectory(Path.of(d.dataLocation()).resolve("date=2019-07-18"))).isTrue();
        }
    }

    @Test
    void theTablesSayWhenAllActionsComeFromOneFile() throws IOException {
        String header = "date,user_id,session_id,page_id,action_time,search_keyword,click_category_id,click_product_id,"
                + "order_category_ids,order_product_ids,pay_category_ids,pay_product_ids,city_id,channel,pay_amount\n";
        Path july = Files.writeString(dir.resolve("july.csv"), header + "2019-07-17,95,s1,37,2019-07-17 00:00:02,,,,,,,,3,web,\n");
        Path august = Files.writeString(dir.resolve("august.csv"), header + "2019-08-17,95,s2,37,2019-08-17 00:00:02,,,,,,,,3,web,\n");
        Path clicks = Files.writeString(dir.resolve("ads.txt"), "timestamp province city user_id ad_id\n1563321600000 河北 石家庄 12 3\n");
        SparkSession spark = TestSpark.session();
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            assertThat(ws.tables(spark).actionsFromOneFile()).isTrue();
            importing(ws, july, clicks);
            LogTables one = ws.tables(spark);
            assertThat(one.actions().select("source_file").distinct().count()).isEqualTo(1);
            assertThat(one.actionsFromOneFile()).isTrue();

            importing(ws, august);
            assertThat(ws.tables(spark).actions().select("source_file").distinct().count()).isEqualTo(2);
            assertThat(ws.tables(spark).actionsFromOneFile()).isFalse();
            long julyId = ws.datasets().all().stream().filter(d -> d.sourceFiles().equals(List.of(july.toString())))
                    .findFirst().orElseThrow().id();
            assertThat(ws.tables(spark, List.of(julyId)).actionsFromOneFile()).isTrue();
            assertThat(one.withActions(one.actions()).actionsFromOneFile()).isFalse();
        }
    }

    @Test
    void parquetInputIsReadByNameAndRewrittenInTheStoredForm() throws IOException {
        SparkSession spark = TestSpark.session();
        Path source = dir.resolve("hive_users");
        spark.sql("SELECT CAST(7 AS BIGINT) AS USER_ID, 'u7' AS username, 'n' AS name, 31 AS age, 'p' AS professional,"
                + " 'c' AS city, 'male' AS sex, 'x' AS extra UNION ALL SELECT 8, 'u8', 'n', NULL, 'p', 'c', 'female', 'y'")
                .coalesce(1).write().parquet(source.toString());
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            ImportReport report = importing(ws, source);
            assertThat(report.files()).hasSize(1);
            assertThat(report.files().get(0).kind()).contains(LogKind.USER_INFO);
            assertThat(report.accepted()).isEqualTo(2);
            Dataset<Row> users = ws.tables(spark).users().orderBy("user_id");
            assertThat(users.schema()).isEqualTo(LogKind.USER_INFO.storedSchema());
            List<Row> rows = users.collectAsList();
            assertThat((Integer) rows.get(0).getAs("age")).isEqualTo(31);
            assertThat((Object) rows.get(1).getAs("age")).isNull();
            assertThat((Long) rows.get(1).getAs("source_line")).isEqualTo(2L);
        }
    }

    @Test
    void renameAndRemoveChangeCatalogAndDataTogether() throws IOException {
        Path cities = Files.writeString(dir.resolve("cities.csv"), "city_id,city_name,area\n1,x,y\n2,z,\n");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            long id = importing(ws, cities).datasetIds().get(0);
            ws.datasets().rename(id, "My cities");
            assertThat(ws.datasets().all().get(0).name()).isEqualTo("My cities");
            Path data = Path.of(ws.datasets().all().get(0).dataLocation());
            assertThat(data).exists();
            assertThat(ws.tables(TestSpark.session()).cities().count()).isEqualTo(2);
            ws.datasets().remove(id);
            assertThat(ws.datasets().all()).isEmpty();
            assertThat(data).doesNotExist();
            assertThat(ws.folder().resolve("data")).isEmptyDirectory();
            assertThat(ws.tables(TestSpark.session()).cities().count()).isEqualTo(10);
            assertThatThrownBy(() -> ws.datasets().remove(id)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aDataFolderElsewhereHoldsTheParquetStagesThereAndIsRemembered() throws IOException {
        Path cities = Files.writeString(dir.resolve("cities.csv"), "city_id,city_name,area\n1,x,y\n2,z,\n");
        Path shared = dir.resolve("shared mount");
        Path folder = dir.resolve("ws");
        try (Workspace ws = Workspace.open(folder, shared.toUri().toString())) {
            assertThat(ws.data().root()).isEqualTo(shared.toString());
            // Staged beside the data, so that the commit is a rename on one file system.
            assertThat(ws.staging().newFolder().getParent()).isEqualTo(shared.resolve("data"));
            long id = importing(ws, cities).datasetIds().get(0);
            assertThat(ws.datasets().all().get(0).dataLocation()).isEqualTo(shared.resolve("data/" + id).toString());
            assertThat(ws.tables(TestSpark.session()).cities().count()).isEqualTo(2);
        }
        try (Workspace ws = Workspace.open(folder)) {
            assertThat(ws.data().root()).isEqualTo(shared.toString());
            assertThat(ws.tables(TestSpark.session()).cities().count()).isEqualTo(2);
        }
        assertThat(folder.resolve("data")).isEmptyDirectory();
        assertThatThrownBy(() -> Workspace.open(folder, dir.resolve("other").toString()))
                .isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("keeps its 1 dataset(s) in " + shared + ", not in " + dir.resolve("other"));
        assertThat(dir.resolve("other")).doesNotExist();
    }

    @Test
    void runsRoundTripAndAnInterruptedRunIsMarkedFailedOnReopen() throws Exception {
        ResultTable table = new ResultTable("visit_length", List.of("bucket", "sessions", "ratio", "day"),
                List.of(List.of("0s", 3L, 0.75, LocalDate.of(2019, 7, 17)), java.util.Arrays.asList("1s_3s", 1L, 0.25, null)));
        Path folder = dir.resolve("ws");
        long failed;
        try (Workspace ws = Workspace.open(folder)) {
            long run = ws.runs().start(List.of("sessions"), "{\"seed\":1}", List.of(1L, 2L));
            ws.runs().succeed(run, List.of(new AnalysisResult("sessions", List.of(table))), Map.of("sessions", 1234L));
            failed = ws.runs().start(List.of("pages"), "{}", List.of(1L));
            ws.runs().end(failed, RunStatus.CANCELLED, "stopped by user");
            long killed = ws.runs().start(List.of("gmv"), "{}", List.of());
            // As if the process that started it had been killed.
            ownRun(folder, killed, deadOwner());
        }
        try (Workspace ws = Workspace.open(folder)) {
            List<RunSummary> runs = ws.runs().all();
            assertThat(runs).extracting(RunSummary::status)
                    .containsExactly(RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.SUCCEEDED);
            assertThat(runs.get(0).error()).isEqualTo("interrupted");
            assertThat(runs.get(1).error()).isEqualTo("stopped by user");
            StoredRun last = ws.runs().lastSucceeded().orElseThrow();
            assertThat(last.summary().parametersJson()).isEqualTo("{\"seed\":1}");
            assertThat(last.summary().datasetIds()).containsExactly(1L, 2L);
            assertThat(last.summary().timingsMillis()).containsEntry("sessions", 1234L);
            ResultTable back = last.results().get(0).table("visit_length");
            assertThat(back.columns()).isEqualTo(table.columns());
            assertThat(back.rows()).containsExactly(List.of("0s", 3L, 0.75, LocalDate.of(2019, 7, 17)),
                    java.util.Arrays.asList("1s_3s", 1L, 0.25, null));
        }
    }

    @Test
    void aSecondProcessOpeningTheWorkspaceLeavesLiveRunsAndImportsAlone() throws Exception {
        Path folder = dir.resolve("ws");
        try (Workspace app = Workspace.open(folder)) {
            long running = app.runs().start(List.of("sessions"), "{}", List.of());
            Path liveStaging = app.staging().newFolder();
            Path deadStaging = folder.resolve("data/.tmp-" + deadOwner() + "-" + java.util.UUID.randomUUID());
            Files.createDirectories(deadStaging);

            try (Workspace cli = Workspace.open(folder)) {
                assertThat(cli.runs().all()).singleElement().extracting(RunSummary::status).isEqualTo(RunStatus.RUNNING);
            }

            assertThat(liveStaging).isDirectory();
            assertThat(deadStaging).doesNotExist();
            app.runs().end(running, RunStatus.CANCELLED, "stopped by user");
            assertThat(app.runs().all()).singleElement().extracting(RunSummary::status).isEqualTo(RunStatus.CANCELLED);
        }
    }

    /** The owner name of a process that has ended. */
    private static String deadOwner() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        return ended.pid() + ProcessOwner.self().substring(ProcessOwner.self().indexOf('@'));
    }

    private static void ownRun(Path folder, long run, String owner) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("workspace.db"));
             java.sql.PreparedStatement p = c.prepareStatement("UPDATE analysis_runs SET owner=? WHERE id=?")) {
            p.setString(1, owner);
            p.setLong(2, run);
            p.executeUpdate();
        }
    }

    @Test
    void lastSucceededRunOfAnAnalysisSkipsNewerRunsOfOtherAnalysesAndFailedOnes() {
        ResultTable sessions = new ResultTable("visit_length", List.of("bucket", "sessions"), List.of(List.of("0s", 3L)));
        ResultTable pages = new ResultTable("page_jumps", List.of("step", "jumps"), List.of(List.of(1L, 7L)));
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            assertThat(ws.runs().lastSucceeded("sessions")).isEmpty();
            long first = ws.runs().start(List.of("sessions"), "{}", List.of());
            ws.runs().succeed(first, List.of(new AnalysisResult("sessions", List.of(sessions))), Map.of());
            long second = ws.runs().start(List.of("pages"), "{}", List.of());
            ws.runs().succeed(second, List.of(new AnalysisResult("pages", List.of(pages))), Map.of());
            long cancelled = ws.runs().start(List.of("sessions"), "{}", List.of());
            ws.runs().end(cancelled, RunStatus.CANCELLED, "stopped by user");

            StoredRun lastSessions = ws.runs().lastSucceeded("sessions").orElseThrow();
            assertThat(lastSessions.summary().id()).isEqualTo(first);
            assertThat(lastSessions.results().get(0).table("visit_length").rows()).containsExactly(List.of("0s", 3L));
            assertThat(ws.runs().lastSucceeded("pages").orElseThrow().summary().id()).isEqualTo(second);
            assertThat(ws.runs().lastSucceeded("gmv")).isEmpty();
        }
    }

    @Test
    void lastSucceededRunOtherThanAnAnalysisSkipsRunsOfThatAnalysisAloneAndFailedOnes() {
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            assertThat(ws.runs().lastSucceededOtherThan("ads")).isEmpty();
            long sessions = ws.runs().start(List.of("sessions"), "{\"sessions\":1}", List.of());
            ws.runs().succeed(sessions, List.of(), Map.of());
            long both = ws.runs().start(List.of("ads", "gmv"), "{\"both\":1}", List.of());
            ws.runs().succeed(both, List.of(), Map.of());
            long ads = ws.runs().start(List.of("ads"), "{}", List.of());
            ws.runs().succeed(ads, List.of(), Map.of());
            long failed = ws.runs().start(List.of("pages"), "{}", List.of());
            ws.runs().end(failed, RunStatus.FAILED, "out of memory");

            RunSummary last = ws.runs().lastSucceededOtherThan("ads").orElseThrow();
            assertThat(last.id()).isEqualTo(both);
            assertThat(last.parametersJson()).isEqualTo("{\"both\":1}");
            assertThat(ws.runs().lastSucceededOtherThan("gmv").orElseThrow().id()).isEqualTo(ads);
        }
    }

    @Test
    void catalogIsVersionedAndStaleStagingIsDeletedOnOpen() throws Exception {
        Path folder = dir.resolve("ws");
        try (Workspace ws = Workspace.open(folder)) {
            assertThat(ws.catalog().schemaVersion()).isEqualTo(Migrations.latestVersion()).isEqualTo(6);
            Files.createDirectories(folder.resolve("data/.tmp-left-behind/x"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("workspace.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("wal");
            s.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> Workspace.open(folder)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("catalog version 99");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("workspace.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + Migrations.latestVersion());
        }
        try (Workspace ws = Workspace.open(folder)) {
            assertThat(ws.catalog().schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(folder.resolve("data/.tmp-left-behind")).doesNotExist();
        }
    }

    @Test
    void defaultLocationFollowsTheOsConventions() {
        Path home = Path.of("/home/u");
        assertThat(WorkspaceLocation.userDataFolder("Linux", Map.of(), home)).isEqualTo(Path.of("/home/u/.local/share"));
        assertThat(WorkspaceLocation.userDataFolder("Linux", Map.of("XDG_DATA_HOME", "/x"), home)).isEqualTo(Path.of("/x"));
        assertThat(WorkspaceLocation.userDataFolder("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/u/Library/Application Support"));
        assertThat(WorkspaceLocation.userDataFolder("Windows 11", Map.of("LOCALAPPDATA", "/appdata"), home))
                .isEqualTo(Path.of("/appdata"));
        String before = System.getProperty(Workspace.PROPERTY);
        System.setProperty(Workspace.PROPERTY, "/tmp/somewhere");
        try {
            assertThat(Workspace.defaultLocation()).isEqualTo(Path.of("/tmp/somewhere"));
        } finally {
            if (before == null) {
                System.clearProperty(Workspace.PROPERTY);
            } else {
                System.setProperty(Workspace.PROPERTY, before);
            }
        }
    }
}
