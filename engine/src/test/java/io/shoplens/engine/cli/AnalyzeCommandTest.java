package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.RunStatus;
import io.shoplens.engine.workspace.Workspace;

class AnalyzeCommandTest {

    private static final String HEADER = "date,user_id,session_id,page_id,action_time,search_keyword,"
            + "click_category_id,click_product_id,order_category_ids,order_product_ids,pay_category_ids,"
            + "pay_product_ids,city_id";

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    /** Two sessions (one of a single action) and a row whose date does not exist, on line 6. */
    private static Path logs(Path dir) throws Exception {
        Path file = dir.resolve("actions.csv");
        Files.write(file, List.of(HEADER,
                "2019-07-17,1,s1,1,2019-07-17 10:00:00,火锅,-1,-1,,,,,0",
                "2019-07-17,1,s1,2,2019-07-17 10:00:05,,3,30,,,,,0",
                "2019-07-17,1,s1,3,2019-07-17 10:00:20,,-1,-1,\"3,4\",\"30,40\",,,0",
                "2019-07-17,2,s2,1,2019-07-17 11:00:00,,3,31,,,,,1",
                "2019-02-30,2,s3,1,2019-02-30 11:00:00,,3,31,,,,,1"), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void writesEveryTableAndTheRejectedRows(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("analyze", "--input", logs(dir).toString(), "--out", out.toString(),
                "--analysis", "sessions,pages");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(lines(out.resolve("sessions/visit_length.csv"))).containsExactly(
                "bucket,sessions,ratio", "0s,1,0.5", "1s_3s,0,0.0", "4s_6s,0,0.0", "7s_9s,0,0.0",
                "10s_30s,1,0.5", "30s_60s,0,0.0", "1m_3m,0,0.0", "3m_10m,0,0.0", "10m_30m,0,0.0", "30m,0,0.0");
        // Views of page 1: 2. 1→2 once, 2→3 once, nothing after: 0/0 is empty, not NaN.
        assertThat(lines(out.resolve("pages/page_jumps.csv"))).containsExactly(
                "step,from_page,to_page,jumps,step_rate,cumulative_rate",
                "1,1,2,1,0.5,0.5", "2,2,3,1,1.0,0.5", "3,3,4,0,0.0,0.0", "4,4,5,0,,0.0",
                "5,5,6,0,,0.0", "6,6,7,0,,0.0");
        assertThat(out.resolve("products")).doesNotExist();
        List<String> rejected = lines(out.resolve("rejected.csv"));
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0)).isEqualTo("file,line,reason,text");
        assertThat(rejected.get(1)).startsWith(dir.resolve("actions.csv") + ",6,").contains("2019-02-30");
        assertThat(run.err()).contains("read 5, accepted 4, rejected 1");
    }

    @Test
    void rowsThatCannotAllBeKeptInMemoryAreImportedAgainAndGiveTheSameTables(@TempDir Path dir) throws Exception {
        Path logs = logs(dir);
        // The same bytes twice: the second file is read row by row before it is found to repeat the first.
        Path again = Files.copy(logs, dir.resolve("again.csv"));
        CliRun once = CliRun.of("analyze", "--input", logs.toString(), "--out", dir.resolve("once").toString(),
                "--analysis", "sessions,pages,gmv");
        CliRun twice = CliRun.of("analyze", "--input", logs.toString(), "--input", again.toString(), "--out",
                dir.resolve("twice").toString(), "--analysis", "sessions,pages,gmv");

        assertThat(once.code()).as(once.err()).isZero();
        assertThat(twice.code()).as(twice.err()).isZero();
        assertThat(once.err()).doesNotContain("importing again");
        assertThat(twice.err()).contains("the rows could not all be kept in memory; importing again");
        for (String table : List.of("sessions/visit_length.csv", "pages/page_jumps.csv", "gmv/gmv_daily.csv")) {
            assertThat(lines(dir.resolve("twice").resolve(table))).as(table)
                    .isEqualTo(lines(dir.resolve("once").resolve(table))).isNotEmpty();
        }
    }

    @Test
    void recordsTheRunInAGivenWorkspace(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("ws");
        CliRun run = CliRun.of("analyze", "--input", logs(dir).toString(), "--out", dir.resolve("out").toString(),
                "--workspace", ws.toString(), "--analysis", "sessions", "--seed", "7");
        assertThat(run.code()).as(run.err()).isZero();
        try (Workspace workspace = Workspace.open(ws)) {
            assertThat(workspace.datasets().all()).hasSize(1);
            assertThat(workspace.runs().all()).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(r.analyses()).containsExactly("sessions");
                assertThat(r.parametersJson()).contains("\"--seed\",\"7\"");
            });
            assertThat(workspace.runs().lastSucceeded()).get()
                    .satisfies(s -> assertThat(s.results().get(0).table("visit_length").rows()).hasSize(10));
        }
    }

    @Test
    void badArgumentsExitWithTwoAndSayWhy(@TempDir Path dir) throws Exception {
        String in = logs(dir).toString();
        String out = dir.resolve("out").toString();
        assertThat(CliRun.of("analyze", "--input", in, "--out", out, "--ages", "old").code()).isEqualTo(2);
        CliRun unknown = CliRun.of("analyze", "--input", in, "--out", out, "--analysis", "sessions,funnels");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown analysis 'funnels'");
        CliRun half = CliRun.of("analyze", "--input", in, "--out", out, "--base", "2019-07-01..2019-07-07");
        assertThat(half.code()).isEqualTo(2);
        assertThat(half.err()).contains("--base and --current go together");
        assertThat(CliRun.of("analyze", "--input", in, "--out", out, "--base", "2019-07-09..2019-07-01",
                "--current", "2019-07-10..2019-07-11").code()).isEqualTo(2);
        assertThat(CliRun.of("analyze", "--out", out).code()).isEqualTo(2);
    }

    @Test
    void anInputThatCannotBeReadExitsWithThree(@TempDir Path dir) {
        CliRun run = CliRun.of("analyze", "--input", dir.resolve("missing.csv").toString(), "--out", dir.toString());
        assertThat(run.code()).isEqualTo(3);
        assertThat(run.err()).contains("missing.csv").contains("no such file");
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

}
