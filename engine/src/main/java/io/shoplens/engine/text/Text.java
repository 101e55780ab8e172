package io.shoplens.engine.text;

import java.util.Comparator;

/**
 * Text in the order Spark gives it: by Unicode code point (Spark compares UTF-8 bytes), unlike
 * {@link String#compareTo}, which compares UTF-16 units and puts characters outside the BMP
 * before some inside it.
 */
public final class Text {

    public static final Comparator<String> ORDER = Text::compare;
    public static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(ORDER);

    private Text() {
    }

    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                // The first unequal units decide. UTF-16 order is code point order except that a
                // surrogate (part of a character above U+FFFF) must sort after U+E000..U+FFFF.
                return Integer.compare(codePointRank(ca), codePointRank(cb));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** A UTF-16 unit's rank in code point order among the units that can differ first. */
    private static int codePointRank(char c) {
        if (c < Character.MIN_SURROGATE) {
            return c;
        }
        // Surrogates move above U+FFFF's units, U+E000..U+FFFF down into the surrogates' place.
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
