package io.shoplens.engine.funnel;

import java.util.Locale;

/** What converts ({@code --funnel-unit}): a session, or a user over all their filtered sessions. */
public enum FunnelUnit {
    SESSION,
    USER;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FunnelUnit parse(String text) {
        return EnumOptions.parse(FunnelUnit.class, "--funnel-unit", text);
    }
}
