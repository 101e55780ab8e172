package io.shoplens.engine.cores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void givesTheResultsInTheOrderOfThePieces() {
        List<Supplier<Integer>> work = IntStream.range(0, 20).<Supplier<Integer>>mapToObj(i -> () -> i * i).toList();
        assertThat(SideBySide.all(work)).containsExactlyElementsOf(IntStream.range(0, 20).map(i -> i * i).boxed().toList());
    }

    @Test
    void piecesThatSplitAgainDoNotWaitForEachOtherForever() {
        // More nested pieces than the pool has threads: each waits by helping.
        List<Supplier<Integer>> outer = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int base = i;
            outer.add(() -> {
                SideBySide.Both<Integer, Integer> inner = SideBySide.both(() -> base, () -> base * 10);
                return inner.first() + inner.second();
            });
        }
        assertThat(SideBySide.all(outer)).containsExactly(0, 11, 22, 33, 44, 55, 66, 77);
    }

    @Test
    void throwsTheFirstFailureAsThrownOnceEveryPieceHasEnded() {
        Set<Integer> ran = ConcurrentHashMap.newKeySet();
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException second = new IllegalArgumentException("second");
        List<Supplier<Integer>> work = List.of(
                () -> { ran.add(0); throw first; },
                () -> { ran.add(1); return 1; },
                () -> { ran.add(2); throw second; });
        assertThatThrownBy(() -> SideBySide.all(work)).isSameAs(first)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(second));
        assertThat(ran).containsExactlyInAnyOrder(0, 1, 2);
    }
}
