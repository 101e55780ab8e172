package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shoplens.engine.imports.CancellationToken;
import io.shoplens.engine.imports.ImportOptions;
import io.shoplens.engine.imports.Importer;
import io.shoplens.engine.run.WorkspaceEngine;
import io.shoplens.engine.testing.TestSpark;
import io.shoplens.engine.workspace.Workspace;
import picocli.CommandLine;

class ShellCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "date,user_id,session_id,page_id,action_time,search_keyword,"
            + "click_category_id,click_product_id,order_category_ids,order_product_ids,pay_category_ids,"
            + "pay_product_ids,city_id";

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    @Test
    void answersEachLineWithOneJsonLineAndGoesOnAfterABadOne(@TempDir Path dir) throws Exception {
        Path ws = workspaceWith(dir, "first.csv",
                "2019-07-17,1,s1,1,2019-07-17 10:00:00,火锅,-1,-1,,,,,0",
                "2019-07-17,1,s1,2,2019-07-17 10:00:05,,3,30,,,,,0",
                "2019-07-17,2,s2,1,2019-07-17 11:00:00,,3,31,,,,,1");
        Path all = dir.resolve("all");
        Path hotpot = dir.resolve("hot pot");
        String input = String.join("\n",
                "--analysis sessions,pages --out " + all,
                "# a comment line, then a blank one",
                "",
                "--analysis sessions --keywords '火锅' --out '" + hotpot + "'",
                "--analysis nonsense --out " + dir.resolve("x"),
                "--sample -1 --out " + dir.resolve("y"),
                "--analysis sessions --out 'unclosed",
                "--analysis gmv --out " + dir.resolve("gmv")) + "\n";

        List<JsonNode> answers = serve(ws, input);

        assertThat(answers).hasSize(6);
        assertThat(answers.get(0).get("ok").asBoolean()).isTrue();
        assertThat(answers.get(0).get("out").asText()).isEqualTo(all.toString());
        assertThat(answers.get(0).get("ms").asLong()).isNotNegative();
        assertThat(answers.get(0).size()).isEqualTo(3);
        assertThat(Files.readAllLines(all.resolve("sessions/visit_length.csv")).subList(0, 3))
                .containsExactly("bucket,sessions,ratio", "0s,1,0.5", "1s_3s,0,0.0");
        assertThat(Files.readAllLines(all.resolve("pages/page_jumps.csv")).get(1)).isEqualTo("1,1,2,1,0.5,0.5");
        assertThat(Files.readAllLines(hotpot.resolve("sessions/step_length.csv")).get(1)).isEqualTo("1_3,1,1.0");
        assertThat(answers.get(2).get("ok").asBoolean()).isFalse();
        assertThat(answers.get(2).get("error").asText()).contains("nonsense");
        assertThat(answers.get(3).get("error").asText()).contains("--sample");
        assertThat(answers.get(4).get("error").asText()).contains("unclosed");
        assertThat(answers.get(5).get("ok").asBoolean()).isTrue();
        assertThat(dir.resolve("gmv/gmv/gmv_daily.csv")).exists();
    }

    @Test
    void aLineAfterAnImportSeesTheNewRows(@TempDir Path dir) throws Exception {
        Path folder = workspaceWith(dir, "first.csv", "2019-07-17,1,s1,1,2019-07-17 10:00:00,,,,,,,,0");
        try (Workspace ws = Workspace.open(folder);
             WorkspaceEngine engine = new WorkspaceEngine(ws, TestSpark.session(), 1_000_000)) {
            assertThat(answer(engine, "--analysis sessions --out " + dir.resolve("before"))).contains("\"ok\":true");
            Path more = dir.resolve("second.csv");
            Files.write(more, List.of(HEADER, "2019-07-18,2,s2,1,2019-07-18 10:00:00,,,,,,,,0",
                    "2019-07-18,2,s2,2,2019-07-18 10:00:02,,,,,,,,0"), StandardCharsets.UTF_8);
            Importer.importFiles(ws, List.of(more), ImportOptions.defaults(), (f, m) -> { },
                    CancellationToken.none());
            assertThat(answer(engine, "--analysis sessions --out " + dir.resolve("after"))).contains("\"ok\":true");
        }
        assertThat(Files.readAllLines(dir.resolve("before/sessions/visit_length.csv")).get(1)).isEqualTo("0s,1,1.0");
        assertThat(Files.readAllLines(dir.resolve("after/sessions/visit_length.csv")).subList(1, 3))
                .containsExactly("0s,1,0.5", "1s_3s,1,0.5");
    }

    @Test
    void memoryAndSparkGiveTheSameFiles(@TempDir Path dir) throws Exception {
        Path folder = workspaceWith(dir, "first.csv",
                "2019-07-17,1,s1,1,2019-07-17 10:00:00,火锅,-1,-1,,,,,0",
                "2019-07-17,1,s1,2,2019-07-17 10:00:05,,3,30,,,,,0",
                "2019-07-17,1,s1,3,2019-07-17 10:00:20,,-1,-1,\"3,4\",\"30,40\",,,0",
                "2019-07-18,2,s2,1,2019-07-18 11:00:00,,3,31,,,,,1",
                // User 9 pays at once for a product never clicked: two rules, a suspect.
                "2019-07-18,9,s9,1,2019-07-18 12:00:00,,-1,-1,,,3,30,1");
        String line = "--analysis sessions,pages,products,gmv,funnel --from 2019-07-17 --out ";
        String excluding = "--analysis sessions,gmv,funnel --exclude-suspects --out ";
        try (Workspace ws = Workspace.open(folder);
             WorkspaceEngine memory = new WorkspaceEngine(ws, TestSpark.session(), 1_000_000);
             WorkspaceEngine spark = new WorkspaceEngine(ws, TestSpark.session(), 0)) {
            answer(memory, line + dir.resolve("memory"));
            answer(memory, excluding + dir.resolve("memory-excluding"));
            assertThat(memory.inMemory()).isTrue();
            answer(spark, line + dir.resolve("spark"));
            answer(spark, excluding + dir.resolve("spark-excluding"));
            assertThat(spark.inMemory()).isFalse();
        }
        assertThat(Files.readAllLines(dir.resolve("memory/gmv/gmv_coverage.csv"))).containsExactly(
                "orders,orders_without_amount", "1,1");
        assertThat(Files.readAllLines(dir.resolve("memory-excluding/gmv/gmv_coverage.csv"))).containsExactly(
                "orders,orders_without_amount", "0,0");
        for (String file : List.of("sessions/visit_length.csv", "gmv/gmv_daily.csv", "funnel/funnel_steps.csv",
                "funnel/funnel_correlation.csv")) {
            assertThat(Files.readAllLines(dir.resolve("memory-excluding").resolve(file))).as(file)
                    .isEqualTo(Files.readAllLines(dir.resolve("spark-excluding").resolve(file)));
        }
        for (String file : List.of("sessions/top_categories.csv", "sessions/sampled_sessions.csv",
                "pages/session_funnel.csv", "products/top_products.csv", "gmv/gmv_cube.csv",
                "funnel/funnel_steps.csv", "funnel/funnel_dropoff.csv", "funnel/funnel_correlation.csv")) {
            assertThat(Files.readAllLines(dir.resolve("memory").resolve(file))).as(file)
                    .isEqualTo(Files.readAllLines(dir.resolve("spark").resolve(file))).hasSizeGreaterThan(1);
        }
    }

    /**
     * Ads from the clicks the warm engine holds: each line's provinces and threshold, the same
     * files as Spark's, and a line after a new ad-click import counts the new clicks.
     */
    @Test
    void adsAreAnsweredFromHeldClicksThatFollowImports(@TempDir Path dir) throws Exception {
        Path folder = workspaceWith(dir, "first.csv", "2019-07-17,1,s1,1,2019-07-17 10:00:00,,,,,,,,0");
        Path clicks = dir.resolve("ad_click.csv");
        // 2019-07-17 10:00Z onwards: user 5 clicks ad 7 three times in 北京, user 6 ad 8 in 上海.
        Files.write(clicks, List.of("timestamp,province,city,user_id,ad_id", "1563357600000,北京,北京,5,7",
                "1563357660000,北京,海淀,5,7", "1563357720000,北京,北京,5,7", "1563357780000,上海,上海,6,8"),
                StandardCharsets.UTF_8);
        String zone = " --time-zone Z --out ";
        try (Workspace ws = Workspace.open(folder);
             WorkspaceEngine memory = new WorkspaceEngine(ws, TestSpark.session(), 1_000_000);
             WorkspaceEngine spark = new WorkspaceEngine(ws, TestSpark.session(), 0)) {
            Importer.importFiles(ws, List.of(clicks), ImportOptions.defaults(), (f, m) -> { },
                    CancellationToken.none());
            for (String line : List.of("--analysis ads", "--analysis ads --provinces 上海",
                    "--analysis ads --blacklist-threshold 3")) {
                String name = Integer.toString(line.length());
                assertThat(answer(memory, line + zone + dir.resolve("memory-" + name))).contains("\"ok\":true");
                assertThat(answer(spark, line + zone + dir.resolve("spark-" + name))).contains("\"ok\":true");
                for (String file : List.of("blacklist.csv", "daily_clicks.csv", "top_ads.csv", "minute_trend.csv")) {
                    assertThat(Files.readAllLines(dir.resolve("memory-" + name).resolve("ads").resolve(file)))
                            .as(line + ": " + file)
                            .isEqualTo(Files.readAllLines(dir.resolve("spark-" + name).resolve("ads").resolve(file)));
                }
            }
            Path more = dir.resolve("more_ad_click.csv");
            Files.write(more, List.of("timestamp,province,city,user_id,ad_id", "1563357840000,上海,上海,6,8"),
                    StandardCharsets.UTF_8);
            Importer.importFiles(ws, List.of(more), ImportOptions.defaults(), (f, m) -> { },
                    CancellationToken.none());
            assertThat(answer(memory, "--analysis ads --provinces 上海" + zone + dir.resolve("after")))
                    .contains("\"ok\":true");
        }
        int all = "--analysis ads".length();
        int threshold = "--analysis ads --blacklist-threshold 3".length();
        assertThat(Files.readAllLines(dir.resolve("memory-" + all + "/ads/daily_clicks.csv"))).containsExactly(
                "date,province,city,ad_id,clicks", "2019-07-17,上海,上海,8,1", "2019-07-17,北京,北京,7,2",
                "2019-07-17,北京,海淀,7,1");
        assertThat(Files.readAllLines(dir.resolve("memory-" + threshold + "/ads/blacklist.csv"))).containsExactly(
                "user_id,date,ad_id,clicks", "5,2019-07-17,7,3");
        assertThat(Files.readAllLines(dir.resolve("after/ads/daily_clicks.csv"))).containsExactly(
                "date,province,city,ad_id,clicks", "2019-07-17,上海,上海,8,2");
    }

    /**
     * A warm engine holding the model in memory answers each funnel for its own options, not from
     * the result of another. s1 searches, clicks 5 s later and orders 15 s after that; s2 only
     * clicks; s9 only pays.
     */
    @Test
    void aWarmEngineAnswersEachFunnelForItsOwnOptions(@TempDir Path dir) throws Exception {
        Path folder = workspaceWith(dir, "first.csv",
                "2019-07-17,1,s1,1,2019-07-17 10:00:00,火锅,-1,-1,,,,,0",
                "2019-07-17,1,s1,2,2019-07-17 10:00:05,,3,30,,,,,0",
                "2019-07-17,1,s1,3,2019-07-17 10:00:20,,-1,-1,\"3,4\",\"30,40\",,,0",
                "2019-07-18,2,s2,1,2019-07-18 11:00:00,,3,31,,,,,1",
                "2019-07-18,9,s9,1,2019-07-18 12:00:00,,-1,-1,,,3,30,1");
        try (Workspace ws = Workspace.open(folder);
             WorkspaceEngine engine = new WorkspaceEngine(ws, TestSpark.session(), 1_000_000)) {
            assertThat(answer(engine, "--analysis sessions,funnel --funnel-steps search,click,order --out "
                    + dir.resolve("three"))).contains("\"ok\":true");
            assertThat(engine.inMemory()).isTrue();
            assertThat(answer(engine, "--analysis funnel --funnel-steps click,order --out " + dir.resolve("two")))
                    .contains("\"ok\":true");
        }
        assertThat(Files.readAllLines(dir.resolve("three/funnel/funnel_steps.csv"))).containsExactly(
                "step,definition,units,conversion,step_conversion,drop_off,median_seconds,mean_seconds",
                "1,search,1,1.0,,,,",
                "2,click,1,1.0,1.0,0.0,5,5.0",
                "3,order,1,1.0,1.0,0.0,15,15.0");
        assertThat(Files.readAllLines(dir.resolve("three/sessions/visit_length.csv")).get(1)).isEqualTo("0s,2,0.6666666666666666");
        assertThat(Files.readAllLines(dir.resolve("two/funnel/funnel_steps.csv"))).containsExactly(
                "step,definition,units,conversion,step_conversion,drop_off,median_seconds,mean_seconds",
                "1,click,2,1.0,,,,",
                "2,order,1,0.5,0.5,0.5,15,15.0");
        assertThat(Files.readAllLines(dir.resolve("two/funnel/funnel_dropoff.csv"))).containsExactly(
                "dropped_after_step,unit_id", "1,s2");
    }

    @Test
    void audienceIsAnsweredInMemoryWithEachLinesOwnOptions(@TempDir Path dir) throws Exception {
        Path folder = workspaceWith(dir, "first.csv",
                "2019-07-17,1,s1,1,2019-07-17 10:00:00,火锅,-1,-1,,,,,0",
                "2019-07-17,1,s1,2,2019-07-17 10:00:05,,3,30,,,,,0",
                "2019-07-18,2,s2,1,2019-07-18 11:00:00,,3,31,,,,,1",
                // User 9's session opens with a pay of a product never clicked: 0 s of dwell.
                "2019-07-18,9,s9,1,2019-07-18 12:00:00,,-1,-1,,,3,30,1");
        try (Workspace ws = Workspace.open(folder);
             WorkspaceEngine engine = new WorkspaceEngine(ws, TestSpark.session(), 1_000_000)) {
            assertThat(answer(engine, "--analysis audience --out " + dir.resolve("default")))
                    .contains("\"ok\":true");
            assertThat(answer(engine, "--analysis audience --min-dwell 0 --out " + dir.resolve("no-dwell")))
                    .contains("\"ok\":true");
            assertThat(answer(engine, "--analysis sessions,audience --exclude-suspects --out "
                    + dir.resolve("excluding"))).contains("\"ok\":true");
            assertThat(engine.inMemory()).isTrue();
        }
        assertThat(Files.readAllLines(dir.resolve("default/audience/suspects.csv"))).containsExactly(
                "user_id,session_id,rule,detail",
                "9,s9,instant_pay,first pay 0 s after the first action",
                "9,s9,pay_without_click,paid without an earlier click: product 30");
        assertThat(Files.readAllLines(dir.resolve("default/audience/suspect_users.csv")))
                .hasSize(2).element(1).asString().startsWith("9,2,1,1,");
        // 0 s is not less than 0 s: one rule, no suspect.
        assertThat(Files.readAllLines(dir.resolve("no-dwell/audience/suspects.csv"))).containsExactly(
                "user_id,session_id,rule,detail",
                "9,s9,pay_without_click,paid without an earlier click: product 30");
        assertThat(Files.readAllLines(dir.resolve("no-dwell/audience/suspect_users.csv"))).containsExactly(
                "user_id,rules,sessions,pays,gmv");
        assertThat(Files.readAllLines(dir.resolve("excluding/audience/suspects.csv"))).containsExactly(
                "user_id,session_id,rule,detail");
        assertThat(Files.readAllLines(dir.resolve("excluding/audience/rfm.csv"))).containsExactly(
                "user_id,recency_days,frequency,monetary,r,f,m,segment");
        assertThat(dir.resolve("excluding/audience/amplification.csv")).exists();
    }

    private static String answer(WorkspaceEngine engine, String line) {
        return ShellCommand.answer(engine, line);
    }

    private static List<JsonNode> serve(Path workspace, String input) throws Exception {
        ShellCommand shell = new ShellCommand();
        new CommandLine(shell).parseArgs("--workspace", workspace.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = shell.serve(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not one JSON object: " + l, e);
            }
        }).toList();
    }

    private static Path workspaceWith(Path dir, String name, String... rows) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, java.util.stream.Stream.concat(java.util.stream.Stream.of(HEADER),
                java.util.Arrays.stream(rows)).toList(), StandardCharsets.UTF_8);
        Path folder = dir.resolve("ws");
        try (Workspace ws = Workspace.open(folder)) {
            Importer.importFiles(ws, List.of(file), ImportOptions.defaults(), (f, m) -> { },
                    CancellationToken.none());
        }
        return folder;
    }
}
