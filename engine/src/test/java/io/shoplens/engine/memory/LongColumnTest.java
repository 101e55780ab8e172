package io.shoplens.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Each column takes the narrowest array its values' offsets fit, and reads every value back. */
class LongColumnTest {

    private static final long NONE = MemoryAction.NONE;

    @Test
    void pageIdsAndUnsetIdsTakeOneByteEach() {
        LongColumn c = column(5, NONE, 7, -1, 5);
        assertThat(c.width()).isEqualTo(1);
        assertThat(values(c)).containsExactly(5, NONE, 7, -1, 5);
    }

    @Test
    void anOffsetEqualToTheNarrowSentinelWidensTheColumn() {
        // 200 first, then 72: offset -128 is a byte's NONE, so the column goes to shorts.
        LongColumn c = column(200, 72, 327);
        assertThat(c.width()).isEqualTo(2);
        assertThat(values(c)).containsExactly(200, 72, 327);
        assertThat(column(200, 73, 327).width()).isEqualTo(1);
    }

    @Test
    void thirtyDaysOfSecondsTakeAnInt() {
        long start = 1_563_000_000L;
        LongColumn c = column(start, start + 59, start + 30 * 86_400, NONE, start - 3_600);
        assertThat(c.width()).isEqualTo(4);
        assertThat(values(c)).containsExactly(start, start + 59, start + 30 * 86_400, NONE, start - 3_600);
    }

    @Test
    void valuesSpanningMoreThanAnIntTakeALongAndKeepTheirExtremes() {
        LongColumn c = column(Long.MAX_VALUE, -5, NONE, Long.MIN_VALUE + 1, 0);
        assertThat(c.width()).isEqualTo(8);
        assertThat(values(c)).containsExactly(Long.MAX_VALUE, -5, NONE, Long.MIN_VALUE + 1, 0);
    }

    @Test
    void aColumnWidenedTwiceKeepsEveryEarlierValue() {
        LongColumn.Builder b = new LongColumn.Builder();
        IntStream.range(0, 1000).forEach(i -> b.add(i % 100));
        b.add(NONE).add(30_000).add(3_000_000_000L);
        LongColumn c = b.build();
        assertThat(c.size()).isEqualTo(1003);
        assertThat(c.width()).isEqualTo(8);
        assertThat(c.get(999)).isEqualTo(99);
        assertThat(c.get(1000)).isEqualTo(NONE);
        assertThat(c.get(1001)).isEqualTo(30_000);
        assertThat(c.get(1002)).isEqualTo(3_000_000_000L);
    }

    @Test
    void onlyUnsetValuesReadBackUnset() {
        LongColumn c = column(NONE, NONE);
        assertThat(c.width()).isEqualTo(1);
        assertThat(values(c)).containsExactly(NONE, NONE);
    }

    private static LongColumn column(long... values) {
        LongColumn.Builder b = new LongColumn.Builder();
        for (long v : values) {
            b.add(v);
        }
        return b.build();
    }

    private static long[] values(LongColumn c) {
        return IntStream.range(0, c.size()).mapToLong(c::get).toArray();
    }
}
