package io.shoplens.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JitWarmUpTest {

    @Test
    void smallModelsGetPassesUpToTheCapAndLargeOnesNone() {
        assertThat(JitWarmUp.passes(0)).isZero();
        assertThat(JitWarmUp.passes(3_000)).isEqualTo(JitWarmUp.MAX_PASSES);
        assertThat(JitWarmUp.passes(10_000)).isEqualTo(5);
        assertThat(JitWarmUp.passes(30_000)).isEqualTo(2);
        assertThat(JitWarmUp.passes(JitWarmUp.WARM_SESSIONS)).isZero();
        assertThat(JitWarmUp.passes(1_000_000)).isZero();
    }
}
