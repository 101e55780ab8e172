package io.shoplens.engine.memory;

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
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
