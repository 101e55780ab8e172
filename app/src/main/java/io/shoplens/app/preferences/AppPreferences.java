package io.shoplens.app.preferences;

import java.util.Locale;
import java.util.prefs.Preferences;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The user's settings as properties that save themselves when they change (Cryptomator's
 * Settings idea), stored with {@link java.util.prefs.Preferences}.
 */
public final class AppPreferences {

    /** Language tags offered; the empty tag means "as the system". */
    public static final String SYSTEM_LANGUAGE = "";

    private static final String LANGUAGE = "language";

    /** The node every setting lives in; the launcher reads the heap from it before JavaFX loads. */
    public static final String NODE = "io/shoplens/app";

    private final StringProperty language = new SimpleStringProperty(SYSTEM_LANGUAGE);
    private final IntegerProperty maxHeapMb = new SimpleIntegerProperty(MaxHeapSetting.AUTOMATIC);
    private final ObjectProperty<EngineChoice> engine = new SimpleObjectProperty<>(EngineChoice.DEFAULT);

    public AppPreferences(Preferences store) {
        language.set(store.get(LANGUAGE, SYSTEM_LANGUAGE));
        language.addListener((obs, old, value) -> store.put(LANGUAGE, value == null ? SYSTEM_LANGUAGE : value));
        maxHeapMb.set(MaxHeapSetting.read(store));
        maxHeapMb.addListener((obs, old, value) -> MaxHeapSetting.write(store, value.intValue()));
        engine.set(EngineSetting.read(store));
        engine.addListener((obs, old, value) -> EngineSetting.write(store, value == null ? EngineChoice.DEFAULT : value));
    }

    public static AppPreferences userPreferences() {
        return new AppPreferences(userStore());
    }

    public static Preferences userStore() {
        return Preferences.userRoot().node(NODE);
    }

    /** A language tag ({@code en}, {@code zh-CN}) or empty for the system's; applies on restart. */
    public StringProperty languageProperty() {
        return language;
    }

    /** The UI locale: the chosen language, else the system's. */
    public Locale locale(Locale system) {
        String tag = language.get();
        return tag == null || tag.isBlank() ? system : Locale.forLanguageTag(tag);
    }

    /** The JVM's maximum heap in megabytes, {@link MaxHeapSetting#AUTOMATIC} for a share of RAM; applies on restart. */
    public IntegerProperty maxHeapMbProperty() {
        return maxHeapMb;
    }

    /**
     * Where the engine runs; applies on restart. A choice that {@link EngineUrls} refuses (a URL
     * carrying a token) is never written: the store keeps what it had.
     */
    public ObjectProperty<EngineChoice> engineProperty() {
        return engine;
    }
}
