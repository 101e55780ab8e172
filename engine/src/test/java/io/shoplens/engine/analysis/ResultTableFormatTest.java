package io.shoplens.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ResultTableFormatTest {

    @Test
    void writesDoublesPlainWithoutAnExponent() {
        assertThat(ResultTable.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(ResultTable.format(1e-5)).isEqualTo("0.000010");
        assertThat(ResultTable.format(1.5e10)).isEqualTo("15000000000.0");
        assertThat(ResultTable.format(-0.0)).isEqualTo("0.0");
        assertThat(ResultTable.format(100.0)).isEqualTo("100.0");
        assertThat(ResultTable.format(Double.NaN)).isEmpty();
    }

    @Test
    void writesEveryDoubleAsItsShortestDecimalWrittenOut() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextDouble();
                case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(24) - 12);
                case 2 -> Double.longBitsToDouble(random.nextLong());
                default -> Math.round(random.nextDouble() * 1e6) / 100.0;
            };
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            String plain = BigDecimal.valueOf(d).toPlainString();
            assertThat(ResultTable.format(d)).as("%s", d).isEqualTo(plain.contains(".") ? plain : plain + ".0");
        }
    }
}
