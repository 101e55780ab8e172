package io.shoplens.app.preferences;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import atlantafx.base.theme.Styles;
import io.shoplens.app.common.Messages;

/** Preferences: the UI language and the maximum memory (both apply on the next start). */
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
        content.getChildren().addAll(memoryChoice(messages, preferences));
        content.setPrefWidth(360);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    /** Spark's working memory is the JVM heap, fixed when the JVM starts (see {@code HeapRelaunch}). */
    private static List<Node> memoryChoice(Messages messages, AppPreferences preferences) {
        long total = HeapChoices.totalMemoryBytes();
        List<Integer> sizes = HeapChoices.forMachine(total, preferences.maxHeapMbProperty().get());
        ComboBox<Integer> memory = new ComboBox<>(FXCollections.observableArrayList(sizes));
        memory.setId("max-memory");
        memory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer mb) {
                if (mb == null) {
                    return "";
                }
                return mb == MaxHeapSetting.AUTOMATIC
                        ? messages.get("preferences.memory.automatic", gigabytes(total))
                        : messages.get("preferences.memory.size", gigabytes(mb * 1024L * 1024L));
            }

            @Override
            public Integer fromString(String text) {
                return sizes.stream().filter(mb -> toString(mb).equals(text)).findFirst().orElse(MaxHeapSetting.AUTOMATIC);
            }
        });
        memory.setValue(preferences.maxHeapMbProperty().get());
        memory.valueProperty().addListener((obs, old, mb) ->
                preferences.maxHeapMbProperty().set(mb == null ? MaxHeapSetting.AUTOMATIC : mb));
        Label hint = new Label(messages.get("preferences.memory.restart", gigabytes(Runtime.getRuntime().maxMemory())));
        hint.setWrapText(true);
        hint.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label label = new Label(messages.get("preferences.memory"));
        VBox.setMargin(label, new Insets(8, 0, 0, 0));
        return List.of(label, memory, hint);
    }

    /** One decimal place, as the Preferences dialog shows sizes: "7.8". */
    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024 * 1024));
    }
}
