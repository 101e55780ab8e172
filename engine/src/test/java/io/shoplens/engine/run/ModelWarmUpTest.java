package io.shoplens.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.shoplens.engine.testing.TestSpark;

class ModelWarmUpTest {

    @Test
    void theBundledActionsImportAndMakeTheirTwoSessions() {
        assertThat(ModelWarmUp.run(TestSpark.session())).isEqualTo(2);
    }
}
