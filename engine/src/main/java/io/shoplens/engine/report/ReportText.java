package io.shoplens.engine.report;

import java.util.Locale;

import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.text.Words;

/**
 * The words of reports and of the charts and sentences the app shows from them, in one language:
 * the bundle {@code report.properties} (English) or {@code report_zh_CN.properties}, and for the
 * charts' axes and series the {@link ChartText} of the same language. Numbers are
 * formatted by the callers (Locale.ROOT, as in the CSV), so a report reads the same numbers in
 * either language.
 */
public final class ReportText {

    private static final String BUNDLE = "io.shoplens.engine.report.report";

    public static final ReportText ENGLISH = of(Locale.ENGLISH);

    private final Words words;
    private final ChartText charts;

    private ReportText(Words words, ChartText charts) {
        this.words = words;
        this.charts = charts;
    }

    /** The words for {@code locale}: Chinese for any {@code zh} locale, else English. */
    public static ReportText of(Locale locale) {
        return new ReportText(Words.of(BUNDLE, locale), ChartText.of(locale));
    }

    /**
     * The words for a language tag as the CLI's {@code --lang} takes it ({@code en}, {@code zh},
     * {@code zh-CN}).
     *
     * @throws IllegalArgumentException for another language
     */
    public static ReportText forLanguage(String tag) {
        Locale locale = Locale.forLanguageTag(tag.trim());
        if (!locale.getLanguage().equals("en") && !locale.getLanguage().equals("zh")) {
            throw new IllegalArgumentException("Unknown report language '" + tag + "': use en or zh");
        }
        return of(locale);
    }

    public Locale locale() {
        return words.locale();
    }

    /** The words of the charts, in this language. */
    public ChartText charts() {
        return charts;
    }

    /** The BCP 47 tag of the language, for HTML's {@code lang}. */
    public String languageTag() {
        return locale().toLanguageTag();
    }

    /**
     * The text of {@code key} with {@code arguments} in place of {0}, {1} …; pass numbers formatted.
     * A chart's axis or series word comes from {@link ChartText}.
     */
    public String get(String key, Object... arguments) {
        return words.has(key) || !charts.has(key) ? words.get(key, arguments) : charts.get(key, arguments);
    }

    /** The text of {@code key}, or {@code fallback} when the bundle has none (e.g. a table's caption). */
    public String getOrDefault(String key, String fallback) {
        return words.has(key) || charts.has(key) ? get(key) : fallback;
    }

    /** "1 user", "3 users" (English); "3 位用户" (Chinese): {@code count.<noun>.one|other}. */
    public String count(long n, String noun) {
        return get("count." + noun + (n == 1 ? ".one" : ".other"), String.valueOf(n));
    }
}
