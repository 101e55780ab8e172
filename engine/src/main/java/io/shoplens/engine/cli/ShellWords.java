package io.shoplens.engine.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into words as a POSIX shell does, without expansions: blanks separate words;
 * {@code '...'} keeps everything literally; {@code "..."} keeps everything but {@code \"},
 * {@code \\}, {@code \$} and {@code \`}, which lose their backslash; outside quotes a backslash
 * keeps the next character; an unquoted {@code #} at the start of a word begins a comment.
 * Scripts quote values the way they would for {@code sh -c}, so a list value may hold commas,
 * blanks or quotes.
 */
final class ShellWords {

    private ShellWords() {
    }

    /** The words of {@code line}; throws {@link IllegalArgumentException} for an unclosed quote or a trailing backslash. */
    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '#' && !inWord) {
                break;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ' at column " + (i + 1));
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("a backslash ends the line");
                }
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the double-quoted text starting at {@code from}; returns the index after the closing quote. */
    private static int doubleQuoted(String line, int from, StringBuilder word) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("unclosed \" at column " + from);
    }
}
