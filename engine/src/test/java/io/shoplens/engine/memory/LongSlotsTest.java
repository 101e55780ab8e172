package io.shoplens.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Slots number keys as first seen, any long a key, however many. */
class LongSlotsTest {

    @Test
    void keysAreNumberedInTheOrderFirstSeen() {
        LongSlots slots = new LongSlots();
        Map<Long, Integer> expected = new LinkedHashMap<>();
        Random random = new Random(5);
        long[] extremes = {MemoryAction.NONE, Long.MAX_VALUE, -1, 0, 1L << 32, 1L << 33};
        for (int i = 0; i < 100_000; i++) {
            long key = i % 7 == 0 ? extremes[random.nextInt(extremes.length)]
                    : random.nextBoolean() ? random.nextInt(5_000) : random.nextLong() << 20;
            int slot = slots.slotOf(key);
            Integer known = expected.putIfAbsent(key, expected.size());
            assertThat(slot).isEqualTo(known == null ? expected.size() - 1 : known);
        }
        assertThat(slots.size()).isEqualTo(expected.size());
        expected.forEach((key, slot) -> assertThat(slots.key(slot)).isEqualTo(key));
    }
}
