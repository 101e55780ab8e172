package io.shoplens.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

import io.shoplens.app.AppWiring;
import io.shoplens.app.ShopLensApp;
import io.shoplens.app.common.Messages;
import io.shoplens.app.engine.FakeEngineService;
import io.shoplens.app.jobs.SyncJobRunner;
import io.shoplens.app.live.FakeLiveService;
import io.shoplens.app.testing.RecordingDialogs;

/**
 * Every view's tab is on screen in a 1280 px window, in both languages: a tab in the overflow
 * menu is a view the user never finds.
 */
@ExtendWith(ApplicationExtension.class)
class TabsFitTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The app's look: AtlantaFX's floating tabs are what made tabs too wide.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void backToModena() throws Exception {
        // Other window tests in this JVM lay out under JavaFX's default look.
        FxToolkit.setupFixture(() -> Application.setUserAgentStylesheet(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh-CN"})
    void everyTabHeaderIsVisibleInA1280PixelWindow(String language, FxRobot robot) {
        AppWiring wiring = new AppWiring(new FakeEngineService(Duration.ZERO), new FakeLiveService(),
                new SyncJobRunner(e -> {
                    throw new AssertionError(e);
                }), new RecordingDialogs(), Messages.forLocale(Locale.forLanguageTag(language)),
                Path.of("no-samples"), () -> { });
        robot.interact(() -> {
            Scene scene = new Scene(wiring.window(), 1280, 800);
            scene.getStylesheets().add(ShopLensApp.STYLESHEET);
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = (TabPane) wiring.window().lookup("#analyses");
        Node headerArea = tabs.lookup(".tab-header-area");
        Bounds area = headerArea.localToScene(headerArea.getLayoutBounds());
        var headers = tabs.lookupAll(".tab-header-area .tab");
        assertThat(headers).hasSize(tabs.getTabs().size()).hasSize(10);
        for (Node header : headers) {
            Bounds bounds = header.localToScene(header.getLayoutBounds());
            assertThat(header.isVisible()).as(header.getId()).isTrue();
            assertThat(bounds.getMaxX()).as(header.getId()).isLessThanOrEqualTo(area.getMaxX());
        }
        // The overflow menu's arrow shows only when some tab does not fit.
        Node overflow = tabs.lookup(".tab-down-button");
        assertThat(overflow == null || !overflow.isVisible()).isTrue();
    }
}
