package io.shoplens.engine.gmv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;


class WaterfallTest {

    @Test
    void theBarsAddUpToTheCurrentGmv() {
        // Base 500 sessions × 4% × ¥250 = ¥5,000; current 480 × 5% × ¥225 = ¥5,400.
        Lmdi.BridgeRow row = Lmdi.decompose("all", "(total)", new GmvTotals(500, 20, 5000),
                new GmvTotals(480, 24, 5400));
        Waterfall waterfall = Waterfall.of(row);

        assertThat(waterfall.bars()).extracting(Waterfall.Bar::key)
                .containsExactly("base", "traffic", "conversion", "aov", "current");
        Waterfall.Bar base = waterfall.bars().get(0);
        Waterfall.Bar current = waterfall.bars().get(4);
        assertThat(base.end()).isEqualTo(5000.0);
        assertThat(current.end()).isEqualTo(5400.0);
        double sum = base.amount();
        for (Waterfall.Bar effect : waterfall.bars().subList(1, 4)) {
            // Each effect floats from where the previous bar ended.
            assertThat(effect.start()).isCloseTo(sum, within(1e-9));
            sum += effect.amount();
        }
        assertThat(sum).isCloseTo(current.amount(), within(1e-9));
        // Fewer sessions: the traffic bar goes down; more orders per session: conversion up; AOV down.
        assertThat(waterfall.bars().get(1).kind()).isEqualTo(Waterfall.Kind.DECREASE);
        assertThat(waterfall.bars().get(2).kind()).isEqualTo(Waterfall.Kind.INCREASE);
        assertThat(waterfall.bars().get(3).kind()).isEqualTo(Waterfall.Kind.DECREASE);
        assertThat(waterfall.bars().get(1).low()).isEqualTo(waterfall.bars().get(1).end());
    }
}
