package io.shoplens.app.gmv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.gmv.GmvDimension;
import io.shoplens.engine.gmv.GmvTotals;
import io.shoplens.engine.gmv.Lmdi;

class BridgeNarrativeTest {

    // Base: 1,000 sessions, 100 orders, ¥100,000 (conversion 10%, AOV ¥1,000). Current: 1,100
    // sessions, 100 orders, ¥110,000 (conversion 9.0909%, AOV ¥1,100). ln(1.1) for traffic and
    // AOV, ln(1/1.1) for conversion, each times L(110000, 100000) = 10000 / ln(1.1): effects
    // +10,000, −10,000, +10,000; factors +10.0%, −9.1%, +10.0%.
    private static final Lmdi.BridgeRow ROW = Lmdi.decompose("all", "(total)", new GmvTotals(1000, 100, 100_000),
            new GmvTotals(1100, 100, 110_000));

    @Test
    void englishSentence() {
        BridgeNarrative words = new BridgeNarrative(Messages.forLocale(Locale.ENGLISH));
        assertThat(words.sentence(ROW)).isEqualTo(
                "GMV +10.0% (+¥10,000): traffic +10.0% (+¥10,000), conversion −9.1% (−¥10,000), AOV +10.0% (+¥10,000)");
    }

    @Test
    void chineseSentence() {
        BridgeNarrative words = new BridgeNarrative(Messages.forLocale(Locale.SIMPLIFIED_CHINESE));
        assertThat(words.sentence(ROW)).isEqualTo(
                "GMV +10.0%（+¥10,000）：流量 +10.0%（+¥10,000），转化率 −9.1%（−¥10,000），客单价 +10.0%（+¥10,000）");
    }

    @Test
    void valuesThatAppearOrVanish() {
        BridgeNarrative words = new BridgeNarrative(Messages.forLocale(Locale.ENGLISH));
        assertThat(words.sentence(Lmdi.decompose("channel", "social", GmvTotals.ZERO, new GmvTotals(3, 1, 250.5))))
                .isEqualTo("GMV +¥251: none in the base period");
        assertThat(words.sentence(Lmdi.decompose("channel", "social", new GmvTotals(3, 1, 80), new GmvTotals(2, 0, 0))))
                .isEqualTo("GMV −100.0% (−¥80): none in the current period");
        assertThat(words.sentence(Lmdi.decompose("channel", "social", GmvTotals.ZERO, GmvTotals.ZERO)))
                .isEqualTo("No GMV in either period.");
    }

    @Test
    void moversAndSides() {
        BridgeNarrative words = new BridgeNarrative(Messages.forLocale(Locale.ENGLISH));
        Lmdi.BridgeRow recommend = new Lmdi.BridgeRow("channel", "recommend", 100_000, 110_000, 10_000, 10_000,
                -10_000, 10_000);
        Lmdi.BridgeRow search = Lmdi.decompose("channel", "search", new GmvTotals(10, 2, 200),
                new GmvTotals(10, 2, 200));
        assertThat(words.movers(GmvDimension.CHANNEL, List.of(recommend, search), 1)).containsExactly(
                "channel=recommend: GMV +10.0% (+¥10,000): traffic +10.0% (+¥10,000), conversion −9.1% (−¥10,000), "
                        + "AOV +10.0% (+¥10,000)");
        assertThat(words.side("gmv.side.paid", search, 10_000)).isEqualTo(
                "Paid traffic: GMV +0.0% (+¥0): traffic +0.0% (+¥0), conversion +0.0% (+¥0), AOV +0.0% (+¥0); "
                        + "0.0% of the change");
    }
}
