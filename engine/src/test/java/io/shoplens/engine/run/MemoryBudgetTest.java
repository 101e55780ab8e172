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

    /*
     * The heap ./shoplens gives analyze, report and import is sized from the input (300 MB + 2.5 x
     * its bytes) with spark.memory.fraction 0.3. The numbers below are the launcher's own for the
     * issue-22 logs (4,286,873 actions, 447 MiB of CSV: -Xmx1416m) and the 10M logs (10,650,888
     * actions, 1,049 MiB: -Xmx2922m).
     */

    @Test
    void theOneShotHeapOfFourMillionActionsHoldsTheirModel() {
        MemoryBudget budget = new MemoryBudget(1416L * 1024 * 1024, 0.3);
        // 1,484,783,616 - 314,572,800 = 1,170,210,816 usable; Spark plans 0.3 of it, 351,063,244.
        assertThat(budget.userBytes()).isEqualTo(819_147_572L);
        assertThat(budget.modelBytes()).isEqualTo(409_573_786L);
        assertThat(budget.maxActions()).isEqualTo(6_399_590L).isGreaterThan(4_286_873L);
    }

    @Test
    void atSparksDefaultFractionTheSameHeapWouldNotHoldThem() {
        // Why the launcher lowers the fraction with the heap: at 0.6 every analysis would fall
        // back to Spark (minutes instead of seconds) in the heap sized for the held model.
        assertThat(new MemoryBudget(1416L * 1024 * 1024, 0.6).maxActions()).isEqualTo(3_656_908L)
                .isLessThan(4_286_873L);
    }

    @Test
    void theOneShotHeapOfTenMillionActionsHoldsTheirModel() {
        assertThat(new MemoryBudget(2922L * 1024 * 1024, 0.3).maxActions()).isEqualTo(15_035_596L)
                .isGreaterThan(10_650_888L);
    }

    @Test
    void aHeapBelowSparksReserveHoldsNothing() {
        assertThat(new MemoryBudget(200L * 1024 * 1024, 0.6).maxActions()).isZero();
    }
}
