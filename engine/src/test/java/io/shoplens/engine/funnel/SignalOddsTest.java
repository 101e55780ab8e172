package io.shoplens.engine.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.analysis.ResultTable;

class SignalOddsTest {

    @Test
    void theCutOffIsMinOf25AndTwoPerCentOfTheUnits() {
        // 100 units: 2 is enough, 1 is not; 101 units: 2.02 needed, so 2 is not.
        assertThat(SignalOdds.enough(2, 100)).isTrue();
        assertThat(SignalOdds.enough(1, 100)).isFalse();
        assertThat(SignalOdds.enough(2, 101)).isFalse();
        assertThat(SignalOdds.enough(3, 150)).isTrue();
        // 2000 units: 2% would be 40, the cap is 25.
        assertThat(SignalOdds.enough(25, 2000)).isTrue();
        assertThat(SignalOdds.enough(24, 2000)).isFalse();

        Map<String, long[]> signals = new LinkedHashMap<>();
        signals.put("under", new long[] {12, 12});
        signals.put("at", new long[] {12, 13});
        ResultTable table = SignalOdds.table(signals, 1000, 1000);
        // s = 13, f = 12: (14 * 989) / (988 * 13).
        assertThat(table.rows()).containsExactly(List.of("at", 13L, 12L, 13846.0 / 12844, "success"));
    }

    /**
     * S = F = 100. x00..x24 with s = i, f = 24 - i: odds rise with i. y and z tie with x24 at the
     * top, a and b with x09 at the bottom edge.
     */
    @Test
    void theTenHighestAndTenLowestWithTiesBySignal() {
        Map<String, long[]> signals = new LinkedHashMap<>();
        for (int i = 0; i <= 24; i++) {
            signals.put(String.format("x%02d", i), new long[] {24 - i, i});
        }
        signals.put("z", new long[] {0, 24});
        signals.put("y", new long[] {0, 24});
        signals.put("b", new long[] {15, 9});
        signals.put("a", new long[] {15, 9});

        ResultTable table = SignalOdds.table(signals, 100, 100);

        // Highest: x24, y, z, then x23..x17. Lowest: x00..x08, then a of the three at x09's odds.
        assertThat(table.rows()).extracting(r -> r.get(0)).containsExactly(
                "x24", "y", "z", "x23", "x22", "x21", "x20", "x19", "x18", "x17",
                "a", "x08", "x07", "x06", "x05", "x04", "x03", "x02", "x01", "x00");
        // x24: (25 * 101) / (77 * 1); x00: (1 * 77) / (101 * 25).
        assertThat(table.rows().get(0)).containsExactly("x24", 24L, 0L, 2525.0 / 77, "success");
        assertThat(table.rows().get(19)).containsExactly("x00", 0L, 24L, 77.0 / 2525, "failure");
        assertThat(table.rows()).extracting(r -> r.get(4)).containsExactly(
                "success", "success", "success", "success", "success", "success", "success", "success", "success",
                "success", "failure", "failure", "failure", "failure", "failure", "failure", "failure", "failure",
                "failure", "failure");
    }

    @Test
    void anOddsRatioOfExactlyOneIsAFailure() {
        // s = 12, f = 12 of S = F = 100: (13 * 89) / (89 * 13) = 1.
        ResultTable table = SignalOdds.table(Map.of("even", new long[] {12, 12}), 100, 100);
        assertThat(table.rows()).containsExactly(List.of("even", 12L, 12L, 1.0, "failure"));
    }
}
