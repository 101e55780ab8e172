package io.shoplens.app.gmv;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.gmv.GmvComparison;
import io.shoplens.engine.gmv.GmvFormats;
import io.shoplens.engine.gmv.GmvTotals;

/**
 * The GMV view's sentence about the fake-order suspects: how much GMV they make, and what GMV,
 * traffic, conversion and AOV become when the switch is flipped (shown → other).
 */
final class SuspectGmvText {

    private final Messages messages;
    private final GmvFormats formats;

    SuspectGmvText(Messages messages) {
        this.messages = messages;
        this.formats = new GmvFormats(messages.locale());
    }

    /** @param excluded whether the GMV shown is the one without the suspects */
    String of(GmvComparison comparison, boolean excluded) {
        if (comparison.same()) {
            return messages.get("suspects.none");
        }
        GmvTotals shown = excluded ? comparison.without() : comparison.with();
        GmvTotals other = excluded ? comparison.with() : comparison.without();
        return messages.get(excluded ? "suspects.gmv.excluded" : "suspects.gmv.included",
                formats.money(comparison.suspectsGmv()),
                comparison.suspectsShare() == null ? "–" : formats.rate(comparison.suspectsShare()),
                formats.money(other.gmv()),
                formats.count(shown.sessions()), formats.count(other.sessions()),
                rate(shown.conversion()), rate(other.conversion()),
                money(shown.aov()), money(other.aov()));
    }

    private String rate(Double ratio) {
        return ratio == null ? "–" : formats.rate(ratio);
    }

    private String money(Double yuan) {
        return yuan == null ? "–" : formats.money(yuan);
    }
}
