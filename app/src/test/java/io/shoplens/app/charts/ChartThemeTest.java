package io.shoplens.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

import io.shoplens.app.ShopLensApp;
import io.shoplens.engine.charts.ChartTheme;
import io.shoplens.engine.charts.Charts;

class ChartThemeTest {

    @Test
    void theAppCssDefinesThePaletteInTheSameOrder() throws IOException {
        String css;
        try (InputStream in = ShopLensApp.class.getResourceAsStream("app.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (int i = 0; i < ChartTheme.PALETTE.size(); i++) {
            assertThat(css).contains("-sl-series-" + i + ": " + ChartTheme.PALETTE.get(i) + ";");
        }
    }

    @Test
    void barsAreFlatOnWhiteInThePalette() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(1, "a", "x");
        data.addValue(2, "b", "x");
        JFreeChart chart = Charts.bars(null, "n", data, true);
        BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
        assertThat(renderer.getBarPainter()).isInstanceOf(StandardBarPainter.class);
        assertThat(renderer.getShadowsVisible()).isFalse();
        assertThat(chart.getCategoryPlot().getBackgroundPaint()).isEqualTo(java.awt.Color.WHITE);
        assertThat(chart.getCategoryPlot().getDrawingSupplier().getNextPaint())
                .isEqualTo(java.awt.Color.decode(ChartTheme.PALETTE.get(0)));
    }

    @Test
    void chartFontCanShowChinese() {
        assertThat(ChartTheme.FONT_FAMILIES).contains(ChartTheme.fontFamily());
        java.awt.Font font = new java.awt.Font(ChartTheme.fontFamily(), java.awt.Font.PLAIN, 12);
        // With fonts-noto-cjk installed (README, .ci/run) the first choice is found.
        assertThat(font.canDisplayUpTo("华北热门商品")).isEqualTo(-1);
    }
}
