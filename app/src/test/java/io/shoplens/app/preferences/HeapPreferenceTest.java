package io.shoplens.app.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeapPreferenceTest {

    private static final long GB = 1024L * 1024 * 1024;

    private final Preferences store = Preferences.userRoot().node("io/shoplens/test/" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        store.removeNode();
    }

    @Test
    void aChosenSizeIsStoredWhereTheLauncherReadsItAndAutomaticRemovesIt() {
        AppPreferences preferences = new AppPreferences(store);
        assertThat(preferences.maxHeapMbProperty().get()).isEqualTo(MaxHeapSetting.AUTOMATIC);

        preferences.maxHeapMbProperty().set(6144);
        assertThat(MaxHeapSetting.read(store)).isEqualTo(6144);
        assertThat(new AppPreferences(store).maxHeapMbProperty().get()).isEqualTo(6144);

        preferences.maxHeapMbProperty().set(MaxHeapSetting.AUTOMATIC);
        assertThat(store.get(MaxHeapSetting.KEY, null)).isNull();
        assertThat(MaxHeapSetting.read(store)).isEqualTo(MaxHeapSetting.AUTOMATIC);
    }

    @Test
    void aNegativeStoredValueMeansAutomatic() {
        store.putInt(MaxHeapSetting.KEY, -5);
        assertThat(MaxHeapSetting.read(store)).isEqualTo(MaxHeapSetting.AUTOMATIC);
    }

    @Test
    void sizesGoUpToThreeQuartersOfTheMachine() {
        assertThat(HeapChoices.forMachine(8 * GB, 0)).containsExactly(0, 1024, 2048, 3072, 4096, 6144);
        assertThat(HeapChoices.forMachine(GB, 0)).containsExactly(0, 1024);
        assertThat(HeapChoices.forMachine(0, 0)).containsExactly(0, 1024);
    }

    @Test
    void aSizeChosenOnABiggerMachineIsStillOffered() {
        assertThat(HeapChoices.forMachine(8 * GB, 16384)).containsExactly(0, 1024, 2048, 3072, 4096, 6144, 16384);
        assertThat(HeapChoices.forMachine(8 * GB, 1500)).containsExactly(0, 1024, 1500, 2048, 3072, 4096, 6144);
    }
}
