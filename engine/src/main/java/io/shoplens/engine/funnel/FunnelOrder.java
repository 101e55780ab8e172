package io.shoplens.engine.funnel;

import java.util.Locale;

/** How a unit's actions must follow the steps ({@code --funnel-order}). */
public enum FunnelOrder {
    /** The steps' actions in step order, other actions between them allowed. */
    ORDERED,
    /** The steps' actions are consecutive actions of the unit, in step order. */
    STRICT,
    /** Each step somewhere after the start, in any order. */
    ANY;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FunnelOrder parse(String text) {
        return EnumOptions.parse(FunnelOrder.class, "--funnel-order", text);
    }
}
