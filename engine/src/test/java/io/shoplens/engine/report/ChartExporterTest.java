package io.shoplens.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.JFreeChart;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartExporterTest {

    @TempDir
    Path dir;

    private static JFreeChart productsChart() {
        return ReportCharts.of(ReportFixture.results().get(3), ReportText.ENGLISH).get(0).chart();
    }

    @Test
    void pngHasTheRequestedSizeTimesTheScale() throws Exception {
        Path file = dir.resolve("chart.png");
        ChartExporter.png(productsChart(), file, 640, 360, 2.0);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);
        ChartExporter.png(productsChart(), file, 300, 200, 1.0);
        assertThat(ImageIO.read(file.toFile()).getWidth()).isEqualTo(300);
    }

    @Test
    void svgHasTheRequestedSizeAndTextAsOutlines() throws Exception {
        Path file = dir.resolve("chart.svg");
        ChartExporter.svg(productsChart(), file, 800, 450);
        Element svg = Jsoup.parse(Files.readString(file), "", Parser.xmlParser()).selectFirst("svg");
        assertThat(Double.parseDouble(svg.attr("width"))).isEqualTo(800.0);
        assertThat(Double.parseDouble(svg.attr("height"))).isEqualTo(450.0);
        // 华东 is drawn as paths, so the SVG needs no CJK font where it is opened
        assertThat(svg.select("text")).isEmpty();
        assertThat(svg.select("path")).isNotEmpty();
    }

    @Test
    void pdfIsOnePageOfTheRequestedSize() throws Exception {
        Path file = dir.resolve("chart.pdf");
        ChartExporter.pdf(productsChart(), file, 600, 300);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDRectangle box = pdf.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isEqualTo(600f);
            assertThat(box.getHeight()).isEqualTo(300f);
        }
    }

    @Test
    void absurdSizesAreRefused() {
        assertThatThrownBy(() -> ChartExporter.png(productsChart(), dir.resolve("x.png"), 0, 100, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16..10000");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }
}
