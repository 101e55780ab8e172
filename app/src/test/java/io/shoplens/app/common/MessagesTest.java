package io.shoplens.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void chineseHasEveryEnglishKeyAndNoOther() {
        Set<String> english = keys(Messages.forLocale(Locale.ENGLISH));
        Set<String> chinese = keys(Messages.forLocale(Locale.SIMPLIFIED_CHINESE));
        assertThat(chinese).isEqualTo(english);
    }

    @Test
    void chineseIsReadAsUtf8() {
        Messages chinese = Messages.forLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese.get("analysis.sessions")).isEqualTo("会话");
        assertThat(chinese.get("datasets.rows", 1200)).isEqualTo("1,200 行");
    }

    @Test
    void englishCountsRowsInTheSingularAndThePlural() {
        Messages english = Messages.forLocale(Locale.ENGLISH);
        assertThat(english.get("datasets.rows", 0L)).isEqualTo("no rows");
        assertThat(english.get("datasets.rows", 1L)).isEqualTo("1 row");
        assertThat(english.get("datasets.rows", 1200L)).isEqualTo("1,200 rows");
        assertThat(english.get("datasets.rejected", 1L)).isEqualTo("1 row rejected");
        assertThat(english.get("datasets.rejected", 2L)).isEqualTo("2 rows rejected");
        assertThat(english.get("rejected.header", 1L, 0L, 1L)).startsWith("1 row read: 0 accepted, 1 rejected.");
    }

    @Test
    void englishDoesNotFallBackToTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(Messages.forLocale(Locale.ENGLISH).get("analysis.sessions")).isEqualTo("Sessions");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Set<String> keys(Messages messages) {
        // handleKeySet: the bundle's own keys, not its parent's.
        Set<String> keys = new TreeSet<>(Collections.list(messages.bundle().getKeys()));
        return keys;
    }
}
