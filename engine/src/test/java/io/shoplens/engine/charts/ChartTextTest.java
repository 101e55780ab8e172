package io.shoplens.engine.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChartTextTest {

    @Test
    void bothLanguagesHaveTheSameWords() throws Exception {
        assertThat(keys("charts_zh_CN.properties")).isEqualTo(keys("charts.properties")).isNotEmpty();
    }

    @Test
    void chineseForAnyChineseLocaleEnglishOtherwise() {
        assertThat(ChartText.of(Locale.TRADITIONAL_CHINESE).get("axis.clicks")).isEqualTo("点击量");
        assertThat(ChartText.of(Locale.GERMAN).get("axis.clicks")).isEqualTo("Clicks");
        assertThat(ChartText.ENGLISH.rank(2L)).isEqualTo("#2");
        assertThat(ChartText.of(Locale.CHINESE).rank(2L)).isEqualTo("第 2 名");
        assertThatThrownBy(() -> ChartText.ENGLISH.get("no.such.key")).hasMessageContaining("no.such.key");
    }

    private static Set<Object> keys(String file) throws Exception {
        Properties words = new Properties();
        try (InputStream in = ChartText.class.getResourceAsStream(file)) {
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return words.keySet();
    }
}
