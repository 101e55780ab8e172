package io.shoplens.engine.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;

class StoredResultsTest {

    @TempDir
    Path dir;

    @Test
    void aTableReadBackHasTheValuesAndValueClassesOfTheFreshOne() {
        ResultTable fresh = new ResultTable("mixed", List.of("hour", "sessions", "ratio", "day", "at", "keywords", "flag"),
                List.of(Arrays.asList("00", 3L, 0.1 + 0.2, LocalDate.of(2019, 7, 17),
                                LocalDateTime.of(2019, 7, 17, 10, 0, 5, 250_000_000), "", true),
                        Arrays.asList("23", -1L, Double.NaN, null, null, "火锅,\"烧烤\"", false),
                        Arrays.asList(null, null, null, null, null, null, null)));
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            long run = ws.runs().start(List.of("sessions"), "{}", List.of());
            ws.runs().succeed(run, List.of(new AnalysisResult("sessions", List.of(fresh))), Map.of());

            StoredRun stored = ws.runs().lastSucceeded("sessions").orElseThrow();
            ResultTable back = stored.results().get(0).table("mixed");

            assertThat(stored.typed()).isTrue();
            assertThat(back).isEqualTo(fresh);
            for (int r = 0; r < fresh.rows().size(); r++) {
                for (int c = 0; c < fresh.columns().size(); c++) {
                    Object value = fresh.rows().get(r).get(c);
                    Object read = back.rows().get(r).get(c);
                    assertThat(read == null ? null : read.getClass()).as("row %d column %d", r, c)
                            .isEqualTo(value == null ? null : value.getClass());
                }
            }
            assertThat(back.rows().get(0).get(5)).isEqualTo("");
            assertThat(back.rows().get(2).get(5)).isNull();
        }
    }

    @Test
    void aCatalogWithTablesStoredWithoutSchemaIsMigratedAndReadsThemBackAsTheirText() throws Exception {
        Path folder = java.nio.file.Files.createDirectories(dir.resolve("ws"));
        // The catalog as version 3 made it: run_results without a schema column, one run's table in CSV.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("workspace.db"));
             Statement s = c.createStatement()) {
            for (List<String> migration : Migrations.ALL.subList(0, 3)) {
                for (String sql : migration) {
                    s.execute(sql);
                }
            }
            s.execute("PRAGMA user_version = 3");
            s.execute("INSERT INTO analysis_runs (analyses, parameters, dataset_ids, status, started_at, finished_at,"
                    + " timings) VALUES ('[\"sessions\"]', '{\"arguments\":[\"--analysis\",\"sessions\"]}', '[1]',"
                    + " 'succeeded', '2019-07-20T10:00:00Z', '2019-07-20T10:00:07Z', '{\"sessions\":7000}')");
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO run_results (run_id, position, analysis, table_name, csv) VALUES (1, 0, ?, ?, ?)")) {
                p.setString(1, "sessions");
                p.setString(2, "visit_length");
                p.setString(3, "bucket,sessions,ratio,day\n0s,3,0.75,2019-07-17\n1s_3s,1,0.25,\n");
                p.executeUpdate();
            }
        }

        try (Workspace ws = Workspace.open(folder)) {
            assertThat(ws.catalog().schemaVersion()).isEqualTo(Migrations.latestVersion());
            StoredRun legacy = ws.runs().lastSucceeded("sessions").orElseThrow();

            assertThat(legacy.typed()).isFalse();
            assertThat(legacy.summary().timingsMillis()).containsEntry("sessions", 7000L);
            ResultTable back = legacy.results().get(0).table("visit_length");
            assertThat(back.columns()).containsExactly("bucket", "sessions", "ratio", "day");
            assertThat(back.rows()).containsExactly(List.of("0s", "3", "0.75", "2019-07-17"),
                    Arrays.asList("1s_3s", "1", "0.25", null));
        }
    }
}
