package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void blanksSeparateWords() {
        assertThat(ShellWords.split("  --analysis sessions\t--out  /tmp/x ")).containsExactly("--analysis", "sessions",
                "--out", "/tmp/x");
    }

    @Test
    void quotesKeepBlanksCommasAndTheOtherQuote() {
        assertThat(ShellWords.split("--keywords '火锅, 温泉' --cities \"上海 'x'\"")).containsExactly("--keywords",
                "火锅, 温泉", "--cities", "上海 'x'");
        assertThat(ShellWords.split("--out 'it'\\''s'")).containsExactly("--out", "it's");
        assertThat(ShellWords.split("a\"b c\"d")).containsExactly("ab cd");
    }

    @Test
    void backslashesAsAShellReadsThem() {
        assertThat(ShellWords.split("a\\ b")).containsExactly("a b");
        assertThat(ShellWords.split("\"a\\\"b\\\\c\\d\"")).containsExactly("a\"b\\c\\d");
        assertThat(ShellWords.split("'a\\b'")).containsExactly("a\\b");
    }

    @Test
    void emptyQuotesAreAnEmptyWordAndHashBeginsAComment() {
        assertThat(ShellWords.split("--keywords '' x")).containsExactly("--keywords", "", "x");
        assertThat(ShellWords.split("--out d # the rest")).containsExactly("--out", "d");
        assertThat(ShellWords.split("a#b")).containsExactly("a#b");
    }

    @Test
    void unclosedQuotesAreErrors() {
        assertThatThrownBy(() -> ShellWords.split("--out 'x")).hasMessageContaining("unclosed '");
        assertThatThrownBy(() -> ShellWords.split("--out \"x")).hasMessageContaining("unclosed \"");
        assertThatThrownBy(() -> ShellWords.split("x\\")).hasMessageContaining("backslash");
    }
}
