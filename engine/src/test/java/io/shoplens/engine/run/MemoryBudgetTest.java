package io.shoplens.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.memory.MemoryModel;

/** The model's share of the heap: half of what Spark's unified memory leaves, by Spark's own arithmetic. */
class MemoryBudgetTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void anEightGigabyteHeapLeavesTheModelHalfOfSparksUserMemory() {
        MemoryBudget budget = new MemoryBudget(8 * GIB, 0.6);
        // 8 GiB - 300 MiB = 8,275,361,792 usable; Spark plans 0.6 of it, 4,965,217,075 (rounded down).
        assertThat(budget.userBytes()).isEqualTo(3_310_144_717L);
        assertThat(budget.modelBytes()).isEqualTo(1_655_072_358L);
        assertThat(budget.maxActions()).isEqualTo(1_655_072_358L / MemoryModel.BYTES_PER_ACTION);
    }

    @Test
    void tenMillionActionsAreHeldWithAnEightGigabyteHeap() {
        assertThat(new MemoryBudget(8 * GIB, 0.6).maxActions()).isGreaterThan(10_650_888L);
    }

    @Test
    void aLargerSparkFractionLeavesTheModelLess() {
        assertThat(new MemoryBudget(8 * GIB, 0.8).userBytes()).isEqualTo(8_275_361_792L - 6_620_289_433L);
        assertThat(new MemoryBudget(8 * GIB, 1.0).maxActions()).isZero();
    }

    @Test
    void aHeapBelowSparksReserveHoldsNothing() {
        assertThat(new MemoryBudget(200L * 1024 * 1024, 0.6).maxActions()).isZero();
    }
}
