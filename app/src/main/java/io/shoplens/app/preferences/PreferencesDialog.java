package io.shoplens.app.preferences;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import atlantafx.base.theme.Styles;
import io.shoplens.app.common.Messages;

/** Preferences: the UI language (applies on the next start). */
public final class PreferencesDialog extends Dialog<Void> {

    public PreferencesDialog(Window owner, Messages messages, AppPreferences preferences) {
        initOwner(owner);
        setTitle(messages.get("preferences.title"));
        setHeaderText(null);
        Map<String, String> languages = new LinkedHashMap<>();
        languages.put(AppPreferences.SYSTEM_LANGUAGE, messages.get("preferences.language.system"));
        languages.put("en", "English");
        languages.put("zh-CN", "简体中文");
        ComboBox<String> language = new ComboBox<>(FXCollections.observableArrayList(languages.keySet()));
        language.setId("language");
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String tag) {
                return tag == null ? "" : languages.getOrDefault(tag, tag);
            }

            @Override
            public String fromString(String text) {
                return languages.entrySet().stream().filter(e -> e.getValue().equals(text)).map(Map.Entry::getKey)
                        .findFirst().orElse(AppPreferences.SYSTEM_LANGUAGE);
            }
        });
        language.setValue(preferences.languageProperty().get());
        language.valueProperty().addListener((obs, old, tag) -> preferences.languageProperty().set(tag));
        Label hint = new Label(messages.get("preferences.language.restart"));
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        VBox content = new VBox(8, new Label(messages.get("preferences.language")), language, hint);
        content.setPrefWidth(360);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }
}
