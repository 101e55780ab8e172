package io.shoplens.engine.funnel;

import java.util.Locale;

/**
 * What {@code funnel_breakdown} splits units by ({@code --funnel-breakdown}). Channel, area and
 * keyword are read from one action of the reported attempt (see {@link Attribution}); sex,
 * professional and age group are the unit's user's.
 */
public enum FunnelDimension {
    CHANNEL,
    AREA,
    SEX,
    PROFESSIONAL,
    AGE_GROUP,
    KEYWORD;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FunnelDimension parse(String text) {
        return EnumOptions.parse(FunnelDimension.class, "--funnel-breakdown", text);
    }
}
