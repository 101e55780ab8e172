package io.shoplens.engine.charts;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The words of the charts that the app's views and the reports draw from the same definition
 * (axis labels, series, bucket names): {@code charts.properties} (English) or
 * {@code charts_zh_CN.properties}. The charts package sits below the analyses and the report, so
 * every chart definition can take its words from here without a package cycle.
 */
public final class ChartText {

    private static final String BUNDLE = "io.shoplens.engine.charts.charts";

    public static final ChartText ENGLISH = of(Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle bundle;

    private ChartText(Locale locale, ResourceBundle bundle) {
        this.locale = locale;
        this.bundle = bundle;
    }

    /** The words for {@code locale}: Chinese for any {@code zh} locale, else English. */
    public static ChartText of(Locale locale) {
        Locale chosen = "zh".equals(Objects.requireNonNull(locale, "locale").getLanguage())
                ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        // No fallback to the JVM's default locale: English asked is English given.
        return new ChartText(chosen, ResourceBundle.getBundle(BUNDLE, chosen,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of {@code key} with {@code arguments} in place of {0}, {1} …; pass numbers formatted. */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No chart text '" + key + "' for " + locale, e);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** "#1", "第 1 名": how a rank is named in a legend. */
    public String rank(Object rank) {
        return get("series.rank", rank);
    }
}
