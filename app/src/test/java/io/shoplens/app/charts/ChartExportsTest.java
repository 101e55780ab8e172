package io.shoplens.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.app.common.Messages;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;
import io.shoplens.engine.charts.Charts;

class ChartExportsTest {

    @TempDir
    Path dir;

    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final ChartExports exports = new ChartExports(new SyncJobRunner(e -> dialogs.notifyError("job", e)),
            dialogs, Messages.forLocale(Locale.ENGLISH));

    private static JFreeChart chart() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(6, "#1", "华东");
        data.addValue(2, "#1", "西南");
        return Charts.bars(null, "Clicks", data, true);
    }

    @Test
    void sizesParseWithAnOptionalHiDpiScale() {
        assertThat(ChartExports.parseSize("1200x675")).contains(new ChartExports.PngSize(1200, 675, 1));
        assertThat(ChartExports.parseSize(" 800 × 600 @2x ")).contains(new ChartExports.PngSize(800, 600, 2));
        assertThat(ChartExports.parseSize("12x600")).isEmpty();
        assertThat(ChartExports.parseSize("big")).isEmpty();
    }

    @Test
    void pngAsksTheSizeThenTheFileAndWritesItInTheBackground() throws Exception {
        Path target = dir.resolve("areas.png");
        dialogs.textAnswer = Optional.of("640x360@2x");
        dialogs.saveAnswer = Optional.of(target);
        exports.export(chart(), ChartExports.Format.PNG, "areas");
        assertThat(dialogs.saveRequests).containsExactly("Export as PNG…|areas.png|png");
        assertThat(dialogs.errors).isEmpty();
        BufferedImage image = ImageIO.read(target.toFile());
        assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(1280, 720);
        assertThat(dialogs.infos).hasSize(1);
    }

    @Test
    void svgAndPdfWriteVectorFiles() throws Exception {
        dialogs.saveAnswer = Optional.of(dir.resolve("a.svg"));
        exports.export(chart(), ChartExports.Format.SVG, "a");
        dialogs.saveAnswer = Optional.of(dir.resolve("a.pdf"));
        exports.export(chart(), ChartExports.Format.PDF, "a");
        assertThat(Files.readString(dir.resolve("a.svg"))).contains("<svg").contains("width='800.0'");
        assertThat(Files.readAllBytes(dir.resolve("a.pdf"))).startsWith("%PDF".getBytes());
    }

    @Test
    void cancellingOrABadSizeWritesNothing() throws Exception {
        dialogs.textAnswer = Optional.of("huge");
        dialogs.saveAnswer = Optional.of(dir.resolve("x.png"));
        exports.export(chart(), ChartExports.Format.PNG, "x");
        assertThat(dialogs.errors).hasSize(1);
        dialogs.saveAnswer = Optional.empty();
        exports.export(chart(), ChartExports.Format.SVG, "x");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).isEmpty();
        }
    }
}
