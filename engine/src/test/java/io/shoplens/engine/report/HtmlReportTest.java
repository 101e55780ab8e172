package io.shoplens.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void oneSelfContainedPageWithASectionPerAnalysisAndAnSvgPerChart() throws Exception {
        Report report = ReportFixture.report(ReportFixture.CREATED);
        Path file = dir.resolve("report.html");
        HtmlReport.write(report, file);

        Document html = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(html.title()).isEqualTo("Shop 华东 report");
        assertThat(html.select("section").eachAttr("id")).containsExactly("sessions", "pages", "products", "ads", "gmv",
                "funnel");
        // visit, step, categories; jumps, funnel; products; top ads, trend; GMV's trend and bridge
        // (the fixture has no breakdown table); the funnel, times, breakdown, signals
        assertThat(report.chartCount()).isEqualTo(14);
        assertThat(html.select("figure > svg")).hasSize(14);
        assertThat(html.select("svg")).hasSize(14);
        assertThat(html.select("script, link, img, iframe, object, embed")).isEmpty();
        for (Element e : html.getAllElements()) {
            for (String attribute : new String[] {"src", "href", "xlink:href", "srcset"}) {
                String value = e.attr(attribute);
                assertThat(value).doesNotStartWith("http:").doesNotStartWith("https:").doesNotStartWith("//");
            }
        }
        assertThat(html.select("style").html()).doesNotContain("url(").doesNotContain("@import");

        assertThat(html.select("#products td").eachText()).contains("华东", "手机0009", "上海,南京");
        assertThat(html.select("#run .bridge").text())
                .startsWith("GMV went from 200.00 in the base period (2019-07-17..2019-07-17) to 330.00")
                .contains("a change of +130.00 (+65.0%)", "Traffic (sessions) accounts for +47.00",
                        "Largest changes by channel: search +130.00, direct +0.00.");
        assertThat(html.select("#gmv p").first().text()).isEqualTo(html.select("#run .bridge").text());
        assertThat(html.select("#sessions p.more").text()).isEqualTo("7 more rows not shown.");
        assertThat(html.select("#run pre").text()).isEqualTo("./shoplens analyze --input LOGS --out FOLDER "
                + ReportFixture.request().toCommandLine());
        assertThat(html.select("#run td").eachText()).contains("user_visit_action.csv", "bbb", "90", "2",
                "--page-flow", "1,2,3,4,5,6,7");
        // rates as percent, money with two decimals, for reading; the CSV output keeps exact doubles
        assertThat(html.select("#pages td").eachText()).contains("12.50%", "37.50%");
        assertThat(html.select("#ads p.more").eachText()).contains("No rows.");
        // whole columns align: numbers right, labels (buckets, ids lists) left
        assertThat(html.select("#sessions td.n").eachText()).contains("3", "75.00%").doesNotContain("0s", "1_3");
        assertThat(html.select("#funnel p").first().text()).isEqualTo("Of 10 sessions that reached step 1 (search), 2"
                + " reached step 3 (pay): 20.00%. The most were lost before step 3 (pay): 75.00% of those at the step"
                + " before did not get there.");
        assertThat(html.select("#funnel h3").eachText()).containsExactly("Funnel steps (funnel_steps.csv)",
                "Time to convert (funnel_times.csv)", "Funnel by breakdown value (funnel_breakdown.csv)",
                "Units that dropped off (funnel_dropoff.csv)",
                "Signals that go with converting (funnel_correlation.csv)");
        assertThat(html.select("#funnel td").eachText()).contains("80.00%", "20.00%", "25.00%", "page:3", "4.5");
        assertThat(html.select("#funnel figcaption").eachText()).hasSize(4);
    }

    @Test
    void sameRunGivesTheSameBytesApartFromTheCreationTime() throws Exception {
        Path a = dir.resolve("a.html");
        Path b = dir.resolve("b.html");
        Path c = dir.resolve("c.html");
        HtmlReport.write(ReportFixture.report(ReportFixture.CREATED), a);
        HtmlReport.write(ReportFixture.report(ReportFixture.CREATED), b);
        HtmlReport.write(ReportFixture.report(Instant.parse("2027-05-06T07:08:09Z")), c);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        String later = Files.readString(c).replace("2027-05-06 07:08:09 UTC", "2026-01-02 03:04:05 UTC");
        assertThat(later).isEqualTo(Files.readString(a));
    }

    @Test
    void categoryIdsReadWithTheirNamesWhereCategoryInfoHasThem() {
        Report report = ReportBuilder.build(null, ReportFixture.CREATED, ReportFixture.datasets(), ReportFixture.request(),
                ReportFixture.results(), java.util.List.of(), ReportText.ENGLISH, java.util.Map.of(7L, "手机"));
        Document html = Jsoup.parse(HtmlReport.render(report));
        // Category 7 has a name, category 3 has none: its id stays as it is.
        assertThat(html.select("h3:contains(top_categories.csv) + div tbody tr").eachText())
                .containsExactly("1 手机 (7) 5 2 1", "2 3 4 0 0");
    }
}
