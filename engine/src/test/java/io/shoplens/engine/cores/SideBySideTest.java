package io.shoplens.engine.cores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    @Test
    void onOwnThreadRunsBesideOnAnotherThreadThatInheritsTheCallersThreadLocals() throws Exception {
        InheritableThreadLocal<String> group = new InheritableThreadLocal<>();
        group.set("the caller's job group");
        CountDownLatch hereStarted = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        SideBySide.Both<String, String> both = SideBySide.onOwnThread("beside-test", () -> {
            // Both run at once: beside waits for here to have started.
            await(hereStarted);
            assertThat(Thread.currentThread()).isNotSameAs(caller);
            return Thread.currentThread().getName() + " in " + group.get();
        }, () -> {
            hereStarted.countDown();
            return "here";
        });
        assertThat(both.first()).isEqualTo("beside-test in the caller's job group");
        assertThat(both.second()).isEqualTo("here");
    }

    @Test
    void onOwnThreadThrowsHeresFailureFirstOnlyOnceBesideHasEnded() {
        AtomicBoolean besideEnded = new AtomicBoolean();
        IllegalStateException here = new IllegalStateException("here");
        IllegalArgumentException beside = new IllegalArgumentException("beside");
        assertThatThrownBy(() -> SideBySide.onOwnThread("beside-test", () -> {
            sleep(200);
            besideEnded.set(true);
            throw beside;
        }, () -> {
            throw here;
        })).isSameAs(here).satisfies(e -> {
            assertThat(e.getSuppressed()).containsExactly(beside);
            assertThat(besideEnded).isTrue();
        });
    }

    @Test
    void onOwnThreadWaitsThroughAnInterruptAndKeepsIt() {
        Thread caller = Thread.currentThread();
        CountDownLatch interrupted = new CountDownLatch(1);
        try {
            SideBySide.Both<Integer, Integer> both = SideBySide.onOwnThread("beside-test", () -> {
                caller.interrupt();
                interrupted.countDown();
                sleep(200);
                return 1;
            }, () -> {
                await(interrupted);
                return 2;
            });
            assertThat(both).isEqualTo(new SideBySide.Both<>(1, 2));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static void await(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
