package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.run.RunRequest;
import io.shoplens.engine.testing.TestSpark;
import picocli.CommandLine;

class AudienceMemberOptionsTest {

    private static final String HEADER = "date,user_id,session_id,page_id,action_time,search_keyword,"
            + "click_category_id,click_product_id,order_category_ids,order_product_ids,pay_category_ids,"
            + "pay_product_ids,city_id,channel,pay_amount";

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    /**
     * User 1 pays without a click 3 s after a search on 07-17 (two rules: a suspect), then pays
     * normally on 07-18; user 2 pays normally on 07-17.
     */
    private static Path logs(Path dir) throws Exception {
        Path file = dir.resolve("actions.csv");
        Files.write(file, List.of(HEADER,
                "2019-07-17,1,s1,1,2019-07-17 10:00:00,火锅,-1,-1,,,,,0,display_ad,",
                "2019-07-17,1,s1,2,2019-07-17 10:00:03,,-1,-1,,,1,10,0,display_ad,10",
                "2019-07-18,1,s2,1,2019-07-18 09:00:00,,1,11,,,,,0,search,",
                "2019-07-18,1,s2,2,2019-07-18 09:00:30,,-1,-1,,,1,11,0,search,5",
                "2019-07-17,2,s3,1,2019-07-17 11:00:00,,1,12,,,,,0,direct,",
                "2019-07-17,2,s3,2,2019-07-17 11:00:30,,-1,-1,,,1,12,0,direct,7"), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void memberOptionsFeedTheAudienceParamsWithTheContractsDefaults() {
        AudienceParams defaults = audience();
        assertThat(defaults).isEqualTo(AudienceParams.defaults());
        assertThat(defaults.minDwellSeconds()).isEqualTo(10);
        assertThat(defaults.asOf()).isEmpty();
        assertThat(defaults.paidChannels()).containsExactly("display_ad");

        AudienceParams given = audience("--min-dwell", "5", "--as-of", "2019-07-20",
                "--paid-channels", "display_ad, social");
        assertThat(given.minDwellSeconds()).isEqualTo(5);
        assertThat(given.asOf()).isEqualTo(Optional.of(LocalDate.of(2019, 7, 20)));
        assertThat(given.paidChannels()).containsExactly("display_ad", "social");

        assertThatThrownBy(() -> audience("--min-dwell", "-1"))
                .hasMessage("--min-dwell must be at least 0, not -1");
        assertThatThrownBy(() -> audience("--paid-channels", " "))
                .hasMessage("--paid-channels needs at least one channel");
    }

    @Test
    void theMemberOptionsRepeatInTheRunsArguments() {
        RunRequest request = AnalysisOptions.parse(List.of("--analysis", "audience", "--min-dwell", "5",
                "--as-of", "2019-07-20", "--paid-channels", "display_ad,social"));
        assertThat(request.toArguments()).containsSequence("--min-dwell", "5")
                .containsSequence("--as-of", "2019-07-20").containsSequence("--paid-channels", "display_ad,social");
        assertThat(AnalysisOptions.parse(request.toArguments())).isEqualTo(request);
        assertThat(RunRequest.defaults(List.of("audience")).toArguments())
                .containsSequence("--min-dwell", "10").containsSequence("--paid-channels", "display_ad")
                .doesNotContain("--as-of");
    }

    @Test
    void excludeSuspectsIsAFilterThatRepeatsInTheRunsArguments() {
        RunRequest request = AnalysisOptions.parse(List.of("--analysis", "gmv", "--exclude-suspects"));
        assertThat(request.filter().excludeSuspects()).isTrue();
        assertThat(request.toArguments()).contains("--exclude-suspects");
        assertThat(AnalysisOptions.parse(request.toArguments())).isEqualTo(request);
        assertThat(AnalysisOptions.parse(List.of("--analysis", "gmv")).filter().excludeSuspects()).isFalse();
        assertThat(RunRequest.defaults(List.of("gmv")).toArguments()).doesNotContain("--exclude-suspects");
    }

    @Test
    void analyzeSaysHowManySuspectsItExcludedAndDropsTheirSessions(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CommandLine cli = ShopLensCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("analyze", "--input", logs(dir).toString(), "--out", out.toString(),
                "--analysis", "gmv", "--exclude-suspects");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("shoplens: excluded 1 suspect user (2 sessions), found on the unfiltered data");
        assertThat(Files.readAllLines(out.resolve("gmv/gmv_daily.csv"))).containsExactly(
                "date,sessions,orders,gmv,conversion,aov",
                "2019-07-17,1,1,7.0,1.0,7.0");
    }

    @Test
    void analyzeAudienceWritesTheMemberTablesWithTheRunsOptions(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path input = logs(dir);
        CliRun run = CliRun.of("analyze", "--input", input.toString(), "--out", out.toString(), "--analysis", "audience",
                "--min-dwell", "2");

        assertThat(run.code()).as(run.err()).isZero();
        Path audience = out.resolve("audience");
        // With a dwell of 2 s the 3 s pay is not instant: one rule, no suspect.
        assertThat(Files.readAllLines(audience.resolve("suspects.csv"))).containsExactly(
                "user_id,session_id,rule,detail",
                "1,s1,pay_without_click,paid without an earlier click: product 10");
        assertThat(Files.readAllLines(audience.resolve("suspect_users.csv"))).containsExactly(
                "user_id,rules,sessions,pays,gmv");
        // As of 07-18: u1 last paid 07-18 (R0 F2 M15), u2 07-17 (R1 F1 M7).
        assertThat(Files.readAllLines(audience.resolve("rfm.csv"))).containsExactly(
                "user_id,recency_days,frequency,monetary,r,f,m,segment",
                "1,0,2,15.0,2,2,2,hibernating",
                "2,1,1,7.0,1,1,1,lost");
        // Base ends 07-11, before any pay.
        assertThat(Files.readAllLines(audience.resolve("tier_moves.csv"))).containsExactly(
                "from_segment,to_segment,users",
                "none,hibernating,1",
                "none,lost,1");
        assertThat(Files.readAllLines(audience.resolve("amplification.csv"))).containsExactly(
                "cohort,weeks_since_first,users,paid_sessions,free_sessions,free_share,gmv_free",
                "free_acquired,0,1,0,1,1.0,7.0",
                "paid_acquired,0,1,1,1,0.5,5.0");

        CliRun excluding = CliRun.of("analyze", "--input", input.toString(), "--out", out.toString(), "--analysis", "audience",
                "--exclude-suspects");
        assertThat(excluding.code()).as(excluding.err()).isZero();
        assertThat(excluding.err()).contains("shoplens: excluded 1 suspect user (2 sessions), found on the unfiltered data");
        assertThat(Files.readAllLines(audience.resolve("suspects.csv"))).containsExactly(
                "user_id,session_id,rule,detail");
        assertThat(Files.readAllLines(audience.resolve("rfm.csv"))).containsExactly(
                "user_id,recency_days,frequency,monetary,r,f,m,segment",
                "2,0,1,7.0,1,1,1,lost");
    }

    @Test
    void theRunsOwnSuspectsAreTaggedAndItsPeriodsGradeTheMoves(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("analyze", "--input", logs(dir).toString(), "--out", out.toString(), "--analysis", "audience",
                "--base", "2019-07-17..2019-07-17", "--current", "2019-07-18..2019-07-18");

        assertThat(run.code()).as(run.err()).isZero();
        Path audience = out.resolve("audience");
        // 3 s < 10 s: s1 is an instant pay too, so user 1 has two rules.
        assertThat(Files.readAllLines(audience.resolve("suspects.csv"))).containsExactly(
                "user_id,session_id,rule,detail",
                "1,s1,instant_pay,first pay 3 s after the first action",
                "1,s1,pay_without_click,paid without an earlier click: product 10");
        assertThat(Files.readAllLines(audience.resolve("suspect_users.csv"))).containsExactly(
                "user_id,rules,sessions,pays,gmv",
                "1,2,2,2,15.0");
        // Both users are active on 07-17; nobody is in user_info or product_info.
        assertThat(Files.readAllLines(audience.resolve("user_tags.csv"))).containsExactly(
                "user_id,tag",
                "1,bought:1", "1,channel:display_ad", "1,searched:火锅", "1,suspect",
                "2,bought:1", "2,channel:direct");
        // As of 07-17 both paid that day once (u1 10, u2 7): by user_id u1 takes tiles 1, u2 tiles 2:
        // u1 r1 f1 lost, u2 r2 f2 hibernating. As of 07-18 as in rfm: u1 hibernating, u2 lost.
        assertThat(Files.readAllLines(audience.resolve("tier_moves.csv"))).containsExactly(
                "from_segment,to_segment,users",
                "hibernating,lost,1",
                "lost,hibernating,1");
    }


    private static AudienceParams audience(String... args) {
        return options(args).toRequest().audience();
    }

    private static AnalysisOptions options(String... args) {
        AnalysisOptions options = new AnalysisOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
