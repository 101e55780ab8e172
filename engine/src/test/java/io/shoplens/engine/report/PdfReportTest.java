package io.shoplens.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportTest {

    @TempDir
    Path dir;

    @Test
    void aFirstPageThenAPagePerAnalysisWithChineseTextInAnEmbeddedFont() throws Exception {
        Path file = dir.resolve("report.pdf");
        PdfReport.write(ReportFixture.report(ReportFixture.CREATED), file);

        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            // the run; each section starts a page; sessions takes three (three charts, then 32
            // sampled sessions of which 25 are printed, header repeated), ads two (two charts and
            // four tables), GMV two (its trend and bridge, then its tables), the funnel three (its
            // charts, the breakdown's, then its tables)
            assertThat(pdf.getNumberOfPages()).isEqualTo(13);
            assertThat(firstLines(pdf)).containsExactly("Shop 华东 report", "User sessions",
                    "Top categories: clicks, orders and payments",
                    "session_id start_time hour search_keywords click_category_ids", "Page conversion",
                    "Hot products per area", "Ad clicks", "Clicks per minute, last hour",
                    "GMV = traffic × conversion × AOV", "GMV per day", "Funnel",
                    "Conversion from step 1 by breakdown value", "value step units conversion");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Shop 华东 report");
            assertThat(pdf.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(ReportFixture.CREATED);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Shop 华东 report", "Created 2026-01-02 03:04:05 UTC", "user_visit_action.csv",
                    "GMV went from 200.00", "User sessions", "Hot products per area", "华东", "手机0009",
                    "7 more rows not shown.", "page 13 of 13");
            PDFont font = pdf.getPage(4).getResources().getFont(
                    pdf.getPage(4).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).matches("[A-Z]{6}\\+.*");
        }
    }

    @Test
    void sameRunGivesTheSameBytes() throws Exception {
        Path a = dir.resolve("a.pdf");
        Path b = dir.resolve("b.pdf");
        PdfReport.write(ReportFixture.report(ReportFixture.CREATED), a);
        PdfReport.write(ReportFixture.report(ReportFixture.CREATED), b);
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }

    private static java.util.List<String> firstLines(PDDocument pdf) throws java.io.IOException {
        java.util.List<String> lines = new java.util.ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            lines.add(stripper.getText(pdf).lines().findFirst().orElse("").replaceAll("\\s+\\(.*", "").trim());
        }
        return lines;
    }

    private static byte[] id(PDDocument pdf) {
        COSArray ids = pdf.getDocument().getTrailer().getCOSArray(COSName.ID);
        return ((COSString) ids.get(0)).getBytes();
    }

    @Test
    void anotherCreationTimeKeepsTheDocumentId() throws Exception {
        Path a = dir.resolve("a.pdf");
        Path c = dir.resolve("c.pdf");
        PdfReport.write(ReportFixture.report(ReportFixture.CREATED), a);
        PdfReport.write(ReportFixture.report(Instant.parse("2027-05-06T07:08:09Z")), c);
        try (PDDocument first = Loader.loadPDF(a.toFile()); PDDocument later = Loader.loadPDF(c.toFile())) {
            assertThat(id(later)).isEqualTo(id(first));
            assertThat(later.getNumberOfPages()).isEqualTo(first.getNumberOfPages());
        }
    }
}
