package io.shoplens.engine.charts;

import java.util.Locale;

import io.shoplens.engine.text.Words;

/**
 * The words of the charts that the app's views and the reports draw from the same definition
 * (axis labels, series, bucket names): {@code charts.properties} (English) or
 * {@code charts_zh_CN.properties}. The charts package sits below the analyses and the report, so
 * every chart definition can take its words from here without a package cycle.
 */
public final class ChartText {

    private static final String BUNDLE = "io.shoplens.engine.charts.charts";

    public static final ChartText ENGLISH = of(Locale.ENGLISH);

    private final Words words;

    private ChartText(Words words) {
        this.words = words;
    }

    /** The words for {@code locale}: Chinese for any {@code zh} locale, else English. */
    public static ChartText of(Locale locale) {
        return new ChartText(Words.of(BUNDLE, locale));
    }

    public Locale locale() {
        return words.locale();
    }

    public boolean has(String key) {
        return words.has(key);
    }

    /** The text of {@code key} with {@code arguments} in place of {0}, {1} …; pass numbers formatted. */
    public String get(String key, Object... arguments) {
        return words.get(key, arguments);
    }

    /** "#1", "第 1 名": how a rank is named in a legend. */
    public String rank(Object rank) {
        return get("series.rank", rank);
    }
}
