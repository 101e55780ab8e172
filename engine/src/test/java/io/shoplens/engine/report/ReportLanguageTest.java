package io.shoplens.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A report in Chinese says everything in Chinese; English stays English whatever the machine's locale. */
class ReportLanguageTest {

    private static final ReportText CHINESE = ReportText.of(Locale.SIMPLIFIED_CHINESE);

    @TempDir
    Path dir;

    @Test
    void bothLanguagesHaveTheSameWords() throws Exception {
        // Each file's own keys: a key missing in Chinese would silently fall back to English.
        assertThat(keys("report_zh_CN.properties")).isEqualTo(keys("report.properties")).isNotEmpty();
        assertThat(CHINESE.get("run")).isEqualTo("本次运行");
    }

    private static java.util.Set<Object> keys(String file) throws java.io.IOException {
        java.util.Properties words = new java.util.Properties();
        try (var in = ReportText.class.getResourceAsStream(file);
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            words.load(reader);
        }
        return words.keySet();
    }

    @Test
    void englishIsEnglishOnAChineseMachine() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(ReportText.of(Locale.ENGLISH).get("run")).isEqualTo("The run");
            assertThat(ReportText.forLanguage("en").count(2, "user")).isEqualTo("2 users");
            assertThat(ReportText.forLanguage("zh").count(2, "user")).isEqualTo("2 位用户");
        } finally {
            Locale.setDefault(before);
        }
        assertThatThrownBy(() -> ReportText.forLanguage("fr")).hasMessage("Unknown report language 'fr': use en or zh");
    }

    @Test
    void aChineseReportHasNoEnglishSentenceLeft() throws Exception {
        Report report = ReportBuilder.build(null, ReportFixture.CREATED, ReportFixture.datasets(),
                ReportFixture.request(), ReportFixture.results(), CHINESE);

        Document html = Jsoup.parse(HtmlReport.render(report));
        assertThat(html.select("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(html.title()).isEqualTo("ShopLens 报告");
        assertThat(html.select("section h2").eachText()).contains("用户会话", "页面转化", "GMV = 流量 × 转化率 × 客单价");
        assertThat(html.select("figcaption").eachText()).contains("访问时长（各区间会话数）", "每日 GMV");
        assertThat(html.select("#run .bridge").text()).startsWith("GMV 从基期");
        assertThat(html.select("footer").html()).contains("<code>./shoplens analyze</code>").contains("四舍五入");
        String text = html.text();
        for (String english : new String[] {"The run", "Datasets", "Parameters", "Run it again", "GMV went from",
                "Visit length", "per bucket", "No rows", "Made by ShopLens", "more rows", "Top products"}) {
            assertThat(text).as(english).doesNotContain(english);
        }

        Path pdf = dir.resolve("report.pdf");
        PdfReport.write(report, pdf);
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String pages = new PDFTextStripper().getText(document);
            assertThat(pages).contains("GMV 桥", "数据集", "重新运行", "第 1 页，共");
            assertThat(pages).doesNotContain("Datasets", "page 1 of");
        }
    }
}
