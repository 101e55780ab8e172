package io.shoplens.app.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javafx.scene.control.ComboBox;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.common.Messages;

@ExtendWith(ApplicationExtension.class)
class PreferencesMemoryDialogTest {

    private final Preferences store = Preferences.userRoot().node("io/shoplens/test/" + UUID.randomUUID());
    private final AppPreferences preferences = new AppPreferences(store);

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        stage.show();
        new PreferencesDialog(stage, Messages.forLocale(Locale.ENGLISH), preferences).show();
    }

    @AfterEach
    void removeNode() throws BackingStoreException {
        store.removeNode();
    }

    @Test
    void choosingAMemorySizeSavesItForTheNextStart(FxRobot robot) {
        ComboBox<Integer> memory = robot.lookup("#max-memory").queryComboBox();
        assertThat(memory.getValue()).isEqualTo(MaxHeapSetting.AUTOMATIC);
        assertThat(memory.getConverter().toString(MaxHeapSetting.AUTOMATIC)).startsWith("Automatic: half of this computer's ");
        assertThat(memory.getConverter().toString(1024)).isEqualTo("1.0 GB");

        robot.interact(() -> memory.setValue(1024));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(MaxHeapSetting.read(store)).isEqualTo(1024);
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .anySatisfy(label -> assertThat(label.getText()).startsWith("How much memory ShopLens"));
    }
}
