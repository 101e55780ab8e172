package io.shoplens.engine.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void seatsGoToLargestRemainders() {
        // 3 of 10: exact shares 1.5, 0.9, 0.6 -> floors 1,0,0, two seats left for remainders .9 and .6.
        assertThat(LargestRemainder.quotas(sizes(5, 3, 2), 3)).containsExactly(
                entry("h0", 1), entry("h1", 1), entry("h2", 1));
    }

    @Test
    void remainderTiesGoToTheEarlierStratum() {
        // 5 of 10: shares 2.5, 1.5, 1.0 -> floors 2,1,1; the one seat left: .5 vs .5, earlier wins.
        assertThat(LargestRemainder.quotas(sizes(5, 3, 2), 5)).containsExactly(
                entry("h0", 3), entry("h1", 1), entry("h2", 1));
        assertThat(LargestRemainder.quotas(sizes(1, 1, 1), 2)).containsExactly(
                entry("h0", 1), entry("h1", 1), entry("h2", 0));
    }

    @Test
    void sampleLargerThanPopulationTakesEverything() {
        assertThat(LargestRemainder.quotas(sizes(5, 3, 2), 100)).containsExactly(
                entry("h0", 5), entry("h1", 3), entry("h2", 2));
        assertThat(LargestRemainder.quotas(sizes(), 100)).isEmpty();
        assertThat(LargestRemainder.quotas(sizes(4, 0), 0)).containsExactly(entry("h0", 0), entry("h1", 0));
    }

    @Test
    void negativeSampleIsRejected() {
        assertThatThrownBy(() -> LargestRemainder.quotas(sizes(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static LinkedHashMap<String, Long> sizes(long... values) {
        LinkedHashMap<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put("h" + i, values[i]);
        }
        return m;
    }

    private static java.util.Map.Entry<String, Long> entry(String key, long value) {
        return java.util.Map.entry(key, value);
    }
}
