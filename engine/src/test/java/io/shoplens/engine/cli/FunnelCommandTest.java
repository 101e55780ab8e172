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

/** {@code analyze --analysis funnel}: the CSV files of docs/ANALYSES.md, and exit code 2 on bad options. */
class FunnelCommandTest {

    private static final String HEADER = "date,user_id,session_id,page_id,action_time,search_keyword,"
            + "click_category_id,click_product_id,order_category_ids,order_product_ids,pay_category_ids,"
            + "pay_product_ids,city_id";

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    /**
     * s1 searches, clicks, orders and pays (5 s, 15 s, 10 s apart) on pages 1-4; s2 searches on
     * page 1 and clicks 30 s later on page 2; s3 only clicks. No user_info, no channel.
     */
    private static Path logs(Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("logs"));
        Files.write(folder.resolve("actions.csv"), List.of(HEADER,
                "2019-07-17,1,s1,1,2019-07-17 10:00:00,火锅,-1,-1,,,,,0",
                "2019-07-17,1,s1,2,2019-07-17 10:00:05,,3,30,,,,,0",
                "2019-07-17,1,s1,3,2019-07-17 10:00:20,,-1,-1,3,30,,,0",
                "2019-07-17,1,s1,4,2019-07-17 10:00:30,,-1,-1,,,3,30,0",
                "2019-07-17,2,s2,1,2019-07-17 11:00:00,火锅,-1,-1,,,,,1",
                "2019-07-17,2,s2,2,2019-07-17 11:00:30,,4,40,,,,,1",
                "2019-07-17,3,s3,2,2019-07-17 12:00:00,,4,40,,,,,1"), StandardCharsets.UTF_8);
        return folder;
    }

    @Test
    void writesTheFunnelTables(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("analyze", "--input", logs(dir).toString(), "--out", out.toString(), "--analysis", "funnel",
                "--funnel-breakdown", "channel");

        assertThat(run.code()).as(run.err()).isZero();
        Path funnel = out.resolve("funnel");
        assertThat(lines(funnel.resolve("funnel_steps.csv"))).containsExactly(
                "step,definition,units,conversion,step_conversion,drop_off,median_seconds,mean_seconds",
                "1,search,2,1.0,,,,",
                "2,click,2,1.0,1.0,0.0,5,17.5",
                "3,order,1,0.5,0.5,0.5,15,15.0",
                "4,pay,1,0.5,1.0,0.0,10,10.0");
        assertThat(lines(funnel.resolve("funnel_times.csv"))).hasSize(1 + 3 * 10)
                .contains("2,4s_6s,1", "2,10s_30s,1", "3,10s_30s,1", "4,10s_30s,1");
        assertThat(lines(funnel.resolve("funnel_breakdown.csv"))).containsExactly("value,step,units,conversion",
                "unknown,1,2,1.0", "unknown,2,2,1.0", "unknown,3,1,0.5", "unknown,4,1,0.5");
        assertThat(lines(funnel.resolve("funnel_dropoff.csv"))).containsExactly("dropped_after_step,unit_id", "2,s2");
        // S = F = 1: every signal is in; s = 1, f = 0 gives (2 * 2) / (1 * 1) = 4, s = f = 1 gives 1.
        assertThat(lines(funnel.resolve("funnel_correlation.csv"))).containsExactly(
                "signal,successes,failures,odds_ratio,direction",
                "clicked_category:3,1,0,4.0,success",
                "page:2,1,0,4.0,success",
                "page:3,1,0,4.0,success",
                "age_group:unknown,1,1,1.0,failure",
                "channel:unknown,1,1,1.0,failure",
                "page:1,1,1,1.0,failure",
                "professional:unknown,1,1,1.0,failure",
                "searched:火锅,1,1,1.0,failure",
                "sex:unknown,1,1,1.0,failure");
    }

    @Test
    void badFunnelOptionsExitWithTwoAndSayWhy(@TempDir Path dir) throws Exception {
        String in = logs(dir).toString();
        String out = dir.resolve("out").toString();

        CliRun step = CliRun.of("analyze", "--input", in, "--out", out, "--analysis", "funnel", "--funnel-steps", "search,buy");
        assertThat(step.code()).isEqualTo(2);
        assertThat(step.err()).contains("Unknown funnel step 'buy'");
        CliRun id = CliRun.of("analyze", "--input", in, "--out", out, "--funnel-steps", "page:one,pay");
        assertThat(id.code()).isEqualTo(2);
        assertThat(id.err()).contains("'one' is not an id");
        CliRun one = CliRun.of("analyze", "--input", in, "--out", out, "--funnel-steps", "search");
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("at least two steps");
        CliRun order = CliRun.of("analyze", "--input", in, "--out", out, "--funnel-order", "sideways");
        assertThat(order.code()).isEqualTo(2);
        assertThat(order.err()).contains("--funnel-order 'sideways' is not one of ordered, strict, any");
        CliRun unit = CliRun.of("analyze", "--input", in, "--out", out, "--funnel-unit", "visitor");
        assertThat(unit.code()).isEqualTo(2);
        CliRun breakdown = CliRun.of("analyze", "--input", in, "--out", out, "--funnel-breakdown", "weather");
        assertThat(breakdown.code()).isEqualTo(2);
        assertThat(breakdown.err()).contains("--funnel-breakdown 'weather'");
        CliRun attribution = CliRun.of("analyze", "--input", in, "--out", out, "--attribution", "step:5");
        assertThat(attribution.code()).isEqualTo(2);
        assertThat(attribution.err()).contains("--attribution step:5");
        assertThat(Path.of(out)).doesNotExist();
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

}
