package io.shoplens.engine.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.charts.ChartText;

class BucketLabelsTest {

    private final ChartText english = ChartText.ENGLISH;
    private final ChartText chinese = ChartText.of(Locale.SIMPLIFIED_CHINESE);

    @Test
    void visitLengthBucketsReadAsTimes() {
        assertThat(List.of("0s", "1s_3s", "30s_60s", "1m_3m", "10m_30m", "30m").stream()
                .map(b -> BucketLabels.label(b, english)).toList())
                .containsExactly("0 s", "1–3 s", "30–60 s", "1–3 min", "10–30 min", "> 30 min");
        assertThat(BucketLabels.label("30m", chinese)).isEqualTo("30 分钟以上");
    }

    @Test
    void stepLengthBucketsReadAsCounts() {
        assertThat(List.of("1_3", "10_30", "60").stream().map(b -> BucketLabels.label(b, english)).toList())
                .containsExactly("1–3", "10–30", "> 60");
        assertThat(BucketLabels.label("4_6", chinese)).isEqualTo("4–6 步");
    }

    @Test
    void anUnknownBucketIsShownAsItIs() {
        assertThat(BucketLabels.label("other", english)).isEqualTo("other");
    }
}
