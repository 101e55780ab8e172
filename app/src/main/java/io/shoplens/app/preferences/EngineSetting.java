package io.shoplens.app.preferences;

import java.util.prefs.Preferences;

import io.shoplens.app.preferences.EngineChoice.Kind;

/**
 * The engine preference in the preference store, next to the others: the kind, the local cores
 * and the URL. A URL that carries a secret is never written (ShopLens stores no secrets; the Kafka
 * password is asked for at each connect for the same reason).
 */
public final class EngineSetting {

    static final String KIND = "engine.kind";
    static final String CORES = "engine.cores";
    static final String URL = "engine.url";

    private EngineSetting() {
    }

    /** The saved choice; {@link EngineChoice#DEFAULT} when none was saved or it no longer reads. */
    public static EngineChoice read(Preferences store) {
        Kind kind;
        try {
            kind = Kind.valueOf(store.get(KIND, Kind.LOCAL.name()));
        } catch (IllegalArgumentException e) {
            return EngineChoice.DEFAULT;
        }
        EngineChoice choice = new EngineChoice(kind, store.getInt(CORES, EngineChoice.ALL_CORES), store.get(URL, ""));
        return EngineUrls.problem(choice).isPresent() ? EngineChoice.DEFAULT : choice;
    }

    /** Saves {@code choice}; refuses (and saves nothing) when its URL is invalid or carries a token. */
    public static void write(Preferences store, EngineChoice choice) {
        EngineUrls.problem(choice).ifPresent(problem -> {
            throw new IllegalArgumentException("Not saved: " + problem);
        });
        store.put(KIND, choice.kind().name());
        if (choice.kind() == Kind.LOCAL && choice.cores() != EngineChoice.ALL_CORES) {
            store.putInt(CORES, choice.cores());
        } else {
            store.remove(CORES);
        }
        if (choice.url().isEmpty()) {
            store.remove(URL);
        } else {
            store.put(URL, choice.url());
        }
    }
}
