package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.testing.TestSpark;

/** {@code analyze --analysis audience} end to end, and its options' checks. */
class AnalyzeAudienceTest {

    private static final String HEADER = "date,user_id,session_id,page_id,action_time,search_keyword,"
            + "click_category_id,click_product_id,order_category_ids,order_product_ids,pay_category_ids,"
            + "pay_product_ids,city_id";
    private static final List<String> PERIODS = List.of("--base", "2019-07-01..2019-07-07",
            "--current", "2019-07-08..2019-07-14");

    @BeforeAll
    static void spark() {
        TestSpark.session();
    }

    /**
     * User 1 pays for category 3 on two base dates, then for 4; user 2 searches 火锅 and pays in the
     * current period only; user 3 searches 火锅 and pays for 3 once.
     */
    private static Path logs(Path dir) throws Exception {
        Path file = dir.resolve("actions.csv");
        Files.write(file, List.of(HEADER,
                "2019-07-01,1,s1,1,2019-07-01 10:00:00,,-1,-1,,,3,30,0",
                "2019-07-02,1,s2,1,2019-07-02 10:00:00,,-1,-1,,,3,30,0",
                "2019-07-01,2,s3,1,2019-07-01 11:00:00,火锅,-1,-1,,,,,0",
                "2019-07-01,3,s4,1,2019-07-01 12:00:00,火锅,-1,-1,,,,,0",
                "2019-07-01,3,s4,2,2019-07-01 12:00:05,,-1,-1,,,3,31,0",
                "2019-07-09,1,s5,1,2019-07-09 10:00:00,,-1,-1,,,4,40,0",
                "2019-07-09,2,s6,1,2019-07-09 11:00:00,,-1,-1,,,4,40,0"), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void writesEveryAudienceTableInOneRun(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(args(dir, out, "--min-users", "1"));

        assertThat(run.code()).as(run.err()).isZero();
        Path audience = out.resolve("audience");
        try (var files = Files.list(audience)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("user_tags.csv",
                    "tags.csv", "tag_lift.csv", "lookalikes.csv", "lookalike_check.csv", "lapsed_substitutes.csv",
                    "lapsed_summary.csv", "suspects.csv", "suspect_users.csv", "rfm.csv", "tier_moves.csv",
                    "amplification.csv");
        }
        // Every pay here comes within 10 s of its session's start without a click on its product:
        // two suspect rules for each of the three users, so the run's own rules tag them all.
        assertThat(lines(audience.resolve("suspect_users.csv"))).extracting(l -> l.split(",")[0])
                .containsExactly("user_id", "1", "2", "3");
        assertThat(lines(audience.resolve("user_tags.csv"))).containsExactly("user_id,tag",
                "1,bought:3", "1,suspect", "2,searched:火锅", "2,suspect", "3,bought:3", "3,searched:火锅",
                "3,suspect");
        assertThat(lines(audience.resolve("tags.csv"))).containsExactly("tag,users,share",
                "suspect,3,1.0", "bought:3,2,0.6666666666666666", "searched:火锅,2,0.6666666666666666");
        // S = 1, 3; F = 2. bought:3 and suspect are the target's own. 火锅: (2·1) / (2·2); lift (1/2) / (2/3)
        assertThat(lines(audience.resolve("tag_lift.csv"))).containsExactly(
                "tag,seed_users,other_users,lift,odds_ratio", "searched:火锅,1,1,0.75,0.5");
        assertThat(lines(audience.resolve("lookalikes.csv"))).containsExactly("rank,user_id,score,matched_tags",
                "1,2,0.0,");
        assertThat(lines(audience.resolve("lookalike_check.csv"))).containsExactly("group,users,converted,rate",
                "lookalikes,1,1,1.0", "others,0,0,");
        // Category 3 (3 base pays): user 1 paid on 2 dates, then only for 4, which both active users paid for.
        assertThat(lines(audience.resolve("lapsed_summary.csv"))).containsExactly(
                "lapsed,habit_buyers,lapsed_buyers,lapse_rate", "category:3,1,1,1.0");
        assertThat(lines(audience.resolve("lapsed_substitutes.csv"))).containsExactly(
                "lapsed,rank,item,buyers,pays,share,switch_index", "category:3,1,category:4,1,1,1.0,1.0");
    }

    /**
     * The committed shop sample shows what the generator plants (sample-logs/README.md), with the
     * defaults a user first sees: the look-alikes of the base period's payers pay in the current
     * period more often than the other scored users, the baby-goods tag of the planted parents is
     * among the strongest, and coffee habits lapse into tea.
     */
    @Test
    void onTheShopSampleTheLookalikesConvertMoreThanTheOthers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("analyze", "--input", Path.of("..", "sample-logs", "shop").toString(), "--out", out.toString(),
                "--analysis", "audience");

        assertThat(run.code()).as(run.err()).isZero();
        Path audience = out.resolve("audience");
        assertThat(lines(audience.resolve("lookalike_check.csv"))).containsExactly("group,users,converted,rate",
                "lookalikes,100,30,0.3", "others,36,7,0.19444444444444445");
        assertThat(lines(audience.resolve("tag_lift.csv")).subList(1, 6)).extracting(l -> l.split(",")[0])
                .contains("likes:15");
        assertThat(lines(audience.resolve("lapsed_summary.csv"))).contains("category:5,15,13,0.8666666666666667");
        assertThat(lines(audience.resolve("lapsed_substitutes.csv"))).filteredOn(l -> l.startsWith("category:5,1,"))
                .containsExactly("category:5,1,category:6,9,33,0.6923076923076923,5.914285714285714");
    }

    @Test
    void badAudienceOptionsExitWithTwoAndSayWhy(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        CliRun target = CliRun.of(args(dir, out, "--target", "brand:3"));
        assertThat(target.code()).isEqualTo(2);
        assertThat(target.err()).contains("--target must be pay, category:ID or product:ID, not: brand:3");
        CliRun lapsed = CliRun.of(args(dir, out, "--lapsed", "category:x"));
        assertThat(lapsed.code()).isEqualTo(2);
        assertThat(lapsed.err()).contains("category:ID or product:ID");
        CliRun likes = CliRun.of(args(dir, out, "--like-clicks", "0"));
        assertThat(likes.code()).isEqualTo(2);
        assertThat(likes.err()).contains("--like-clicks must be at least 1, not 0");
        assertThat(CliRun.of(args(dir, out, "--lookalikes", "-1")).code()).isEqualTo(2);
        assertThat(CliRun.of(args(dir, out, "--habit-days", "two")).code()).isEqualTo(2);
        assertThat(out.resolve("audience")).doesNotExist();
    }

    private static String[] args(Path dir, Path out, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("analyze", "--input", logs(dir).toString(), "--out",
                out.toString(), "--analysis", "audience"));
        args.addAll(PERIODS);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

}
