package io.shoplens.engine.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * One bundle's words in one of the two languages ShopLens writes: Simplified Chinese for any
 * {@code zh} locale, else English. The report's and the charts' words are each one of these.
 */
public final class Words {

    private final String bundleName;
    private final Locale locale;
    private final ResourceBundle bundle;

    private Words(String bundleName, Locale locale, ResourceBundle bundle) {
        this.bundleName = bundleName;
        this.locale = locale;
        this.bundle = bundle;
    }

    /** The language written for {@code asked}. */
    public static Locale language(Locale asked) {
        return "zh".equals(Objects.requireNonNull(asked, "locale").getLanguage()) ? Locale.SIMPLIFIED_CHINESE
                : Locale.ENGLISH;
    }

    public static Words of(String bundleName, Locale asked) {
        Locale language = language(asked);
        // No fallback to the JVM's default locale: English asked is English given.
        return new Words(bundleName, language, ResourceBundle.getBundle(bundleName, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * The text of {@code key} with {@code arguments} in place of {0}, {1} …; pass numbers formatted.
     *
     * @throws IllegalStateException when the bundle has no such key: a missing word is a bug, not a blank
     */
    public String get(String key, Object... arguments) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No text '" + key + "' in " + bundleName + " for " + locale, e);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
