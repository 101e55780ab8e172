package io.shoplens.app.preferences;

import java.util.prefs.Preferences;

/**
 * The "maximum memory" preference, readable before JavaFX loads (the launcher needs it to decide
 * the JVM's heap). Stored in megabytes next to the other preferences; 0 means automatic: the
 * share of the machine's memory that the launcher's {@code -XX:MaxRAMPercentage} gives.
 */
public final class MaxHeapSetting {

    static final String KEY = "maxHeapMb";
    public static final int AUTOMATIC = 0;

    private MaxHeapSetting() {
    }

    /** Megabytes, or {@link #AUTOMATIC}. */
    public static int read(Preferences store) {
        int megabytes = store.getInt(KEY, AUTOMATIC);
        return Math.max(megabytes, AUTOMATIC);
    }

    public static void write(Preferences store, int megabytes) {
        if (megabytes <= AUTOMATIC) {
            store.remove(KEY);
        } else {
            store.putInt(KEY, megabytes);
        }
    }
}
