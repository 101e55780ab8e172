package io.shoplens.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LongPairCountsTest {

    @Test
    void countsLikeAMapOfPairsThroughManyRehashes() {
        LongPairCounts counts = new LongPairCounts(2);
        Map<List<Long>, long[]> expected = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            // Few distinct firsts, extreme seconds: collisions and NONE-like ids both occur.
            long a = random.nextInt(300);
            long b = switch (random.nextInt(4)) {
                case 0 -> MemoryAction.NONE;
                case 1 -> Long.MAX_VALUE - random.nextInt(3);
                default -> random.nextInt(40);
            };
            int slot = random.nextInt(2);
            counts.add(a, b, slot, i % 3);
            expected.computeIfAbsent(List.of(a, b), k -> new long[2])[slot] += i % 3;
        }
        assertThat(counts.size()).isEqualTo(expected.size());
        for (int k = 0; k < counts.size(); k++) {
            long[] want = expected.get(List.of(counts.first(k), counts.second(k)));
            assertThat(want).as("key %d", k).isNotNull();
            assertThat(new long[] {counts.count(k, 0), counts.count(k, 1)}).isEqualTo(want);
        }
    }

    @Test
    void numbersKeysInTheOrderTheyCome() {
        LongPairCounts counts = new LongPairCounts(1);
        counts.add(5, 1, 0, 1);
        counts.add(-3, 0, 0, 1);
        counts.add(5, 1, 0, 4);
        assertThat(counts.size()).isEqualTo(2);
        assertThat(List.of(counts.first(0), counts.second(0), counts.count(0, 0))).containsExactly(5L, 1L, 5L);
        assertThat(List.of(counts.first(1), counts.second(1), counts.count(1, 0))).containsExactly(-3L, 0L, 1L);
    }
}
