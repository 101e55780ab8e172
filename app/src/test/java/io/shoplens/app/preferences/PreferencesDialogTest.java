package io.shoplens.app.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.shoplens.app.AppWiring;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.testing.RecordingDialogs;

/**
 * The language preference: chosen in the dialog with the robot, kept in the preference store, and
 * the window built on the next start (ShopLensApp builds it from {@link AppPreferences#locale})
 * speaks it, English to Chinese and back.
 */
@ExtendWith(ApplicationExtension.class)
class PreferencesDialogTest {

    private final Preferences store = Preferences.userRoot().node("io/shoplens/app-test/prefs-" + System.nanoTime());
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void removeStore() throws Exception {
        store.removeNode();
    }

    @Test
    void theChosenLanguageIsKeptAndTheNextWindowSpeaksIt(FxRobot robot) throws Exception {
        // First start on an English system, nothing chosen yet.
        assertThat(new AppPreferences(store).locale(Locale.US)).isEqualTo(Locale.US);

        choose(robot, Locale.US, "简体中文");

        assertThat(store.get("language", null)).isEqualTo("zh-CN");
        Locale chinese = new AppPreferences(store).locale(Locale.US);
        assertThat(chinese).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(windowTexts(robot, chinese)).containsExactly("文件", "概览", "会话", "页面转化", "热门商品", "广告点击", "GMV", "漏斗", "人群");

        // And back, from the dialog as the Chinese window shows it.
        choose(robot, chinese, "English");

        assertThat(store.get("language", null)).isEqualTo("en");
        Locale english = new AppPreferences(store).locale(Locale.SIMPLIFIED_CHINESE);
        assertThat(windowTexts(robot, english))
                .containsExactly("File", "Overview", "Sessions", "Pages", "Products", "Ads", "GMV", "Funnel", "Audience");
    }

    /** Opens the preferences as the app does (language from the store), picks {@code language}, closes. */
    private void choose(FxRobot robot, Locale system, String language) {
        AppPreferences preferences = new AppPreferences(store);
        Messages messages = Messages.forLocale(preferences.locale(system));
        PreferencesDialog[] dialog = new PreferencesDialog[1];
        robot.interact(() -> {
            dialog[0] = new PreferencesDialog(stage, messages, preferences);
            dialog[0].show();
        });
        assertThat(robot.lookup(messages.get("preferences.language.restart")).tryQuery()).isPresent();
        robot.clickOn("#language");
        robot.clickOn(language);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#language").queryAs(ComboBox.class).getValue()).isNotNull();
        robot.interact(() -> dialog[0].close());
    }

    /** The menu and tab titles of a main window built for {@code locale}, as the next start builds it. */
    private static List<String> windowTexts(FxRobot robot, Locale locale) {
        Messages messages = Messages.forLocale(locale);
        RecordingDialogs dialogs = new RecordingDialogs();
        AppWiring wiring = new AppWiring(new FakeEngineService(Duration.ZERO), new SyncJobRunner(e -> { }), dialogs,
                messages, Path.of("no-samples"), () -> { });
        List<String> texts = new java.util.ArrayList<>();
        robot.interact(() -> {
            // In a scene, laid out once: the split pane's skin puts the tabs into the tree.
            new Scene(wiring.window(), 1000, 700).getRoot().applyCss();
            wiring.window().layout();
            MenuBar menu = (MenuBar) wiring.window().getTop();
            texts.add(menu.getMenus().get(0).getText());
            TabPane tabs = (TabPane) wiring.window().lookup("#analyses");
            tabs.getTabs().forEach(tab -> texts.add(tab.getText()));
        });
        return texts;
    }
}
