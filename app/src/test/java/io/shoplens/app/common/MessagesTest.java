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
