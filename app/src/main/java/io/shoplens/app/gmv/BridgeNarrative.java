package io.shoplens.app.gmv;

import java.util.ArrayList;
import java.util.List;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.gmv.GmvDimension;
import io.shoplens.engine.gmv.GmvFormats;
import io.shoplens.engine.gmv.Lmdi;

/**
 * A bridge in words: "GMV +4.2% (+¥9,400): traffic +6.1% (+¥12,300), conversion −1.4%
 * (−¥2,900), AOV +0.3% (+¥700)". The factors' own changes need no totals: LMDI's effect_x is
 * L(G₁, G₀)·ln(x₁/x₀), so x₁/x₀ = exp(effect_x / L).
 */
public final class BridgeNarrative {

    private final Messages messages;
    private final GmvFormats formats;

    public BridgeNarrative(Messages messages) {
        this.messages = messages;
        this.formats = new GmvFormats(messages.locale());
    }

    /** One sentence for one bridge row. */
    public String sentence(Lmdi.BridgeRow row) {
        double g0 = row.gmvBase();
        double g1 = row.gmvCurrent();
        if (g0 <= 0 && g1 <= 0) {
            return messages.get("gmv.story.none");
        }
        if (g0 <= 0) {
            return messages.get("gmv.story.new", formats.signedMoney(row.delta()));
        }
        if (g1 <= 0) {
            return messages.get("gmv.story.gone", formats.signedPercent(-1), formats.signedMoney(row.delta()));
        }
        double l = Lmdi.logMean(g1, g0);
        String factors = String.join(messages.get("gmv.story.separator"),
                factor("traffic", row.trafficEffect(), l),
                factor("conversion", row.conversionEffect(), l),
                factor("aov", row.aovEffect(), l));
        return messages.get("gmv.story.change", formats.signedPercent(g1 / g0 - 1), formats.signedMoney(row.delta()),
                factors);
    }

    /** The {@code n} biggest movers (rows ordered biggest first), each as "value: sentence". */
    public List<String> movers(GmvDimension dimension, List<Lmdi.BridgeRow> rows, int n) {
        List<String> lines = new ArrayList<>();
        for (Lmdi.BridgeRow row : rows.subList(0, Math.min(n, rows.size()))) {
            lines.add(messages.get("gmv.story.value", dimension.column() + "=" + row.value(), sentence(row)));
        }
        return lines;
    }

    /** A side of the traffic (paid or free): its sentence and its share of the whole change. */
    public String side(String sideKey, Lmdi.BridgeRow side, double wholeDelta) {
        String share = wholeDelta == 0 ? "–" : formats.signedPercent(side.delta() / wholeDelta).replace("+", "");
        return messages.get("gmv.story.side", messages.get(sideKey), sentence(side), share);
    }

    private String factor(String name, double effect, double logMean) {
        return messages.get("gmv.story.factor", messages.get("gmv.story." + name),
                formats.signedPercent(Math.exp(effect / logMean) - 1), formats.signedMoney(effect));
    }
}
