package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.testing.TestSpark;
import picocli.CommandLine;

/** End to end through the real importer and engine: generated logs in, an HTML and a PDF report out. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter err, String... args) {
        CommandLine cli = ShopLensCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void rendersEveryAnalysisOfGeneratedLogsAsHtmlAndPdfInTheLanguageAsked() throws Exception {
        TestSpark.session();
        Path logs = dir.resolve("logs");
        StringWriter err = new StringWriter();
        assertThat(run(err, "generate", "--out", logs.toString(), "--sessions", "120", "--users", "30",
                "--products", "20", "--days", "4", "--ad-clicks", "400", "--start-date", "2019-07-17",
                "--formats", "csv")).isZero();
        Path html = dir.resolve("out/report.html");
        Path pdf = dir.resolve("out/report.pdf");
        Files.createDirectories(html.getParent());

        int code = run(err, "report", "--input", logs.toString(), "--out", html.toString(), "--pdf", pdf.toString(),
                "--title", "华东 weekly", "--time-zone", "UTC", "--lang", "zh",
                "--base", "2019-07-17..2019-07-18", "--current", "2019-07-19..2019-07-20");

        assertThat(code).as(err.toString()).isZero();
        Document doc = Jsoup.parse(html.toFile());
        assertThat(doc.title()).isEqualTo("华东 weekly");
        assertThat(doc.select("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(doc.select("section").eachAttr("id")).containsExactly("sessions", "pages", "products", "ads", "gmv",
                "funnel", "audience");
        // Sessions 3, pages 2, products 1, ads 2, GMV 3 (trend, breakdown by channel, bridge).
        assertThat(doc.select("section:not(#audience):not(#funnel) figure > svg")).hasSize(11);
        // The funnel without a breakdown: the funnel, times to convert and the signals.
        assertThat(doc.select("#funnel figure > svg")).hasSize(3);
        // The tag lift, the two R×F grids, the tier moves and amplification's two line charts.
        assertThat(doc.select("#audience figure > svg")).hasSize(6);
        assertThat(doc.select("#run td").eachText()).contains("user_visit_action", "ad_click", "city_info",
                "--base", "2019-07-17..2019-07-18");
        assertThat(doc.select("#run .bridge").text()).startsWith("GMV 从基期");
        assertThat(doc.select("#run h2").text()).isEqualTo("本次运行");
        // The generated logs hold category_info: top categories read "name (id)".
        assertThat(doc.select("h3:contains(top_categories.csv) + div tbody tr td:eq(1)").eachText())
                .isNotEmpty().allMatch(cell -> cell.matches(".+ \\(\\d+\\)"));
        assertThat(doc.select("#run pre").text()).startsWith("./shoplens analyze --input LOGS --out FOLDER --analysis all")
                .contains("--current 2019-07-19..2019-07-20");
        try (PDDocument report = Loader.loadPDF(pdf.toFile())) {
            assertThat(report.getNumberOfPages()).isGreaterThanOrEqualTo(6);
            assertThat(new PDFTextStripper().getText(report)).contains("华东 weekly", "各区域热门商品",
                    "GMV 从基期", "人群：标签、甜苹果、流失买家、刷单、会员等级");
        }
        try (var files = Files.list(html.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html", "report.pdf");
        }
    }

    @Test
    void anUnknownLanguageIsAUsageErrorBeforeAnythingRuns() {
        StringWriter err = new StringWriter();
        Path html = dir.resolve("report.html");
        assertThat(run(err, "report", "--input", dir.resolve("nope").toString(), "--out", html.toString(),
                "--lang", "fr")).isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
        assertThat(err.toString()).contains("Unknown report language 'fr': use en or zh");
        assertThat(html).doesNotExist();
    }

    @Test
    void aMissingInputExitsWith3AndWritesNothing() {
        StringWriter err = new StringWriter();
        Path html = dir.resolve("report.html");
        assertThat(run(err, "report", "--input", dir.resolve("nope").toString(), "--out", html.toString()))
                .isEqualTo(ShopLensCli.EXIT_UNREADABLE_INPUT);
        assertThat(err.toString()).contains("nope (no such file or folder)");
        assertThat(html).doesNotExist();
    }
}
