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
        assertThat(html.select("section").eachAttr("id")).containsExactly("sessions", "pages", "products", "ads", "gmv");
        // visit, step, categories; jumps, funnel; products; top ads, trend; GMV per day
        assertThat(report.chartCount()).isEqualTo(9);
        assertThat(html.select("figure > svg")).hasSize(9);
        assertThat(html.select("svg")).hasSize(9);
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
}
