package io.shoplens.app.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** All UI text, from {@code io/shoplens/app/messages*.properties} (UTF-8, Java 9+ reads it as such). */
public final class Messages {

    public static final String BUNDLE = "io.shoplens.app.messages";

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages forLocale(Locale locale) {
        // Without the ROOT fallback control, an English user on a machine whose default locale
        // is Chinese would get Chinese: the bundle lookup falls back to the default locale.
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in; the key itself when missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
