package io.shoplens.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.run.RunRequest;

/** The audience section of a report, from hand-made result tables (no Spark). */
class AudienceReportTest {

    @Test
    void sectionStatesTheBacktestAndTheLapsesInWordsAndChartsTheTagLift() {
        Report report = ReportBuilder.build("r", Instant.EPOCH, List.of(), RunRequest.defaults(List.of("audience")),
                List.of(result(liftRows(4), check(100, 41, 345, 41))), ReportText.ENGLISH);
        ReportSection section = report.sections().get(0);

        assertThat(section.heading()).isEqualTo("Audience: tags, sweet apples, lapsed buyers, fake orders, member tiers");
        assertThat(section.paragraphs()).containsExactly(
                "Look-alikes converted at 41% in the current period, the others at 12% (100 users and 345 users"
                        + " who did not hit the target in the base period).",
                "Of the 43 users who paid for category:5 on several days of the base period, 36 (84%) did not pay"
                        + " for it in the current period; category:6 is what they bought most instead: 72% of them"
                        + " paid for it, 5.8 times the share of all active users.",
                "The table user_tags (2 rows) is in the CSV output of ./shoplens analyze, not printed here.");
        assertThat(section.tables()).extracting(ReportTable::name).containsExactly("tags", "tag_lift", "lookalikes",
                "lookalike_check", "lapsed_substitutes", "lapsed_summary");
        ReportTable check = section.tables().get(3);
        assertThat(check.rows()).containsExactly(List.of("lookalikes", "100", "41", "41.00%"),
                List.of("others", "345", "41", "11.88%"));

        assertThat(section.charts()).singleElement().satisfies(chart -> {
            assertThat(chart.id()).isEqualTo("audience-1");
            CategoryDataset data = chart.chart().getCategoryPlot().getDataset();
            // right of zero: ln 4 = 1.386…; left: ln 0.25
            assertThat(data.getColumnKeys()).containsExactly("tag0", "tag1", "tag2", "tag3");
            assertThat(data.getValue("Goes with the target", "tag0").doubleValue()).isEqualTo(Math.log(4));
            assertThat(data.getValue("Goes against it", "tag0").doubleValue()).isEqualTo(0.0);
            assertThat(data.getValue("Goes against it", "tag3").doubleValue()).isEqualTo(Math.log(0.25));
        });
    }

    @Test
    void theChartKeepsTheTenTagsAtEachEnd() {
        ReportSection section = ReportBuilder.build("r", Instant.EPOCH, List.of(),
                RunRequest.defaults(List.of("audience")), List.of(result(liftRows(25), check(3, 1, 0, 0))),
                ReportText.ENGLISH).sections()
                .get(0);
        CategoryDataset data = section.charts().get(0).chart().getCategoryPlot().getDataset();
        assertThat(data.getColumnCount()).isEqualTo(20);
        assertThat(data.getColumnKey(9)).isEqualTo("tag9");
        assertThat(data.getColumnKey(10)).isEqualTo("tag15");
        assertThat(section.paragraphs().get(0)).isEqualTo("Look-alikes converted at 33% in the current period"
                + " (3 users); every scored user is a look-alike, so there are no others to compare with.");
    }

    /** n tag_lift rows, odds ratios falling from 4 by halves: tag0 4, tag1 2, tag2 1, tag3 0.5… */
    private static List<List<Object>> liftRows(int n) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(List.of("tag" + i, 1L, 1L, 1.0, n == 4 && i == 3 ? 0.25 : 4 / Math.pow(2, i)));
        }
        return rows;
    }

    private static List<List<Object>> check(long lookalikes, long converted, long others, long othersConverted) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("lookalikes", lookalikes, converted, (double) converted / lookalikes));
        List<Object> other = new ArrayList<>(List.of("others", others, othersConverted));
        other.add(others == 0 ? null : (double) othersConverted / others);
        rows.add(other);
        return rows;
    }

    private static AnalysisResult result(List<List<Object>> lift, List<List<Object>> check) {
        return new AnalysisResult("audience", List.of(
                new ResultTable("user_tags", List.of("user_id", "tag"), List.of(List.of(1L, "a"), List.of(2L, "b"))),
                new ResultTable("tags", List.of("tag", "users", "share"), List.of(List.of("a", 1L, 0.5))),
                new ResultTable("tag_lift", List.of("tag", "seed_users", "other_users", "lift", "odds_ratio"), lift),
                new ResultTable("lookalikes", List.of("rank", "user_id", "score", "matched_tags"),
                        List.of(List.of(1L, 2L, 1.5, "a"))),
                new ResultTable("lookalike_check", List.of("group", "users", "converted", "rate"), check),
                new ResultTable("lapsed_substitutes", List.of("lapsed", "rank", "item", "buyers", "pays", "share",
                        "switch_index"), List.of(List.of("category:5", 1L, "category:6", 26L, 70L, 0.7222222222222222,
                        5.801328502415459))),
                new ResultTable("lapsed_summary", List.of("lapsed", "habit_buyers", "lapsed_buyers", "lapse_rate"),
                        List.of(List.of("category:5", 43L, 36L, 0.8372093023255814),
                                List.of("category:1", 0L, 0L, 0.0)))));
    }
}
