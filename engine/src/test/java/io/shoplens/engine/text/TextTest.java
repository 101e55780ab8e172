package io.shoplens.engine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void ordersCharactersAboveTheBmpAfterThePrivateUseAndHalfwidthForms() {
        // U+1F600 is stored as surrogates (D83D DE00), which String.compareTo puts before U+FF21.
        assertTrue("\uD83D\uDE00".compareTo("\uFF21") < 0);
        assertTrue(Text.compare("\uD83D\uDE00", "\uFF21") > 0);
        assertTrue(Text.compare("a\uE000", "a\uD83D\uDE00") < 0);
        assertTrue(Text.compare("\uD7FF", "\uD83D\uDE00") < 0);
        // U+FF21 (fullwidth A) against U+20000, and U+FF5E against U+1F600.
        assertTrue(Text.compare("\uFF21", "\uD840\uDC00") < 0);
        assertTrue(Text.compare("\uFF5E", new String(Character.toChars(0x1F600))) < 0);
    }

    @Test
    void ordersAPrefixFirstAndEqualTextAsEqual() {
        assertTrue(Text.compare("s1", "s10") < 0);
        assertTrue(Text.compare("s10", "s1") > 0);
        assertEquals(0, Text.compare("火锅", "火锅"));
        assertTrue(Text.compare("北京", "北京市") < 0);
        assertTrue(Text.compare("", "a") < 0);
    }

    @Test
    void agreesWithCodePointOrderOnRandomText() {
        Random random = new Random(7);
        int[] pool = {'a', 'b', 'z', 0x7F, 0x4E2D, 0xD7FF, 0xE000, 0xFF21, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
        for (int n = 0; n < 20_000; n++) {
            String a = text(random, pool);
            String b = text(random, pool);
            assertEquals(Integer.signum(byCodePoint(a, b)), Integer.signum(Text.compare(a, b)), a + " vs " + b);
        }
    }

    private static String text(Random random, int[] pool) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        return s.toString();
    }

    private static int byCodePoint(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    }
}
