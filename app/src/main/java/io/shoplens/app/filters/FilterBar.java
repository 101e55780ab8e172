package io.shoplens.app.filters;

import java.util.List;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.RangeSlider;

import atlantafx.base.theme.Styles;
import io.shoplens.app.common.DisplayConverter;
import io.shoplens.app.common.Messages;

/**
 * The window's filter bar above the views: the pickers in one row (wrapping when narrow), then the
 * active filters as chips that remove themselves when their ✕ is pressed. Bound to a
 * {@link FilterBarViewModel}; it holds no state of its own.
 */
public final class FilterBar extends VBox {

    public FilterBar(FilterBarViewModel model, Messages messages) {
        super(6);
        setId("filter-bar");
        getStyleClass().add("filter-bar");

        DatePicker from = new DatePicker();
        from.setId("filter-from");
        from.setPromptText(messages.get("filter.from"));
        from.setPrefWidth(130);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("filter-to");
        to.setPromptText(messages.get("filter.to"));
        to.setPrefWidth(130);
        to.valueProperty().bindBidirectional(model.toProperty());
        Label dash = new Label("–");
        HBox dates = new HBox(4, from, dash, to);
        dates.setAlignment(Pos.CENTER_LEFT);

        TextField keywords = new TextField();
        keywords.setId("filter-keywords");
        // The field is narrow: its name as the prompt, the example in the tooltip.
        keywords.setPromptText(messages.get("filter.keywords"));
        keywords.setTooltip(new javafx.scene.control.Tooltip(messages.get("filter.keywords.prompt")));
        keywords.setPrefWidth(150);
        keywords.textProperty().bindBidirectional(model.keywordsProperty());

        CheckBox suspects = new CheckBox(messages.get("filter.excludeSuspects"));
        suspects.setId("filter-exclude-suspects");
        suspects.selectedProperty().bindBidirectional(model.excludeSuspectsProperty());

        FlowPane pickers = new FlowPane(8, 6, dates, ages(model, messages),
                checkCombo("filter-professionals", messages.get("filter.professionals"), model.professionalChoices(),
                        model.professionals(), String::valueOf),
                checkCombo("filter-cities", messages.get("filter.cities"), model.cityChoices(), model.cities(),
                        String::valueOf),
                checkCombo("filter-sex", messages.get("filter.sex"), model.sexChoices(), model.sexes(), String::valueOf),
                checkCombo("filter-categories", messages.get("filter.categories"), model.categoryChoices(),
                        model.categories(), model::categoryLabel),
                keywords, suspects);
        pickers.setAlignment(Pos.CENTER_LEFT);

        Label validation = new Label();
        validation.setId("filter-validation");
        validation.getStyleClass().add(Styles.DANGER);
        validation.textProperty().bind(model.validationErrorProperty());
        validation.visibleProperty().bind(validation.textProperty().isNotEmpty());
        validation.managedProperty().bind(validation.visibleProperty());

        getChildren().addAll(pickers, chips(model, messages), validation);
    }

    /** The active filters as chips, "Clear all" after them, or a word that nothing is filtered. */
    private static Node chips(FilterBarViewModel model, Messages messages) {
        FlowPane chips = new FlowPane(6, 4);
        chips.setId("filter-chips");
        chips.setAlignment(Pos.CENTER_LEFT);
        Label none = new Label(messages.get("filter.none"));
        none.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Button clear = new Button(messages.get("filter.clearAll"));
        clear.setId("filter-clear");
        clear.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        clear.setOnAction(e -> model.clear());
        Runnable show = () -> {
            List<Node> nodes = new java.util.ArrayList<>();
            model.chips().forEach(chip -> nodes.add(chip(chip, messages)));
            if (nodes.isEmpty()) {
                nodes.add(none);
            } else {
                nodes.add(clear);
            }
            chips.getChildren().setAll(nodes);
        };
        model.chips().addListener((ListChangeListener<FilterChip>) c -> show.run());
        show.run();
        return chips;
    }

    private static Node chip(FilterChip chip, Messages messages) {
        Label text = new Label(chip.text());
        Button remove = new Button("✕");
        remove.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "chip-remove");
        remove.setAccessibleText(messages.get("filter.removeChip", chip.text()));
        remove.setOnAction(e -> chip.remove().run());
        HBox box = new HBox(2, text, remove);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId(chip.id());
        box.getStyleClass().add("filter-chip");
        if (chip.tooltip() != null) {
            Tooltip.install(box, new Tooltip(chip.tooltip()));
        }
        return box;
    }

    /** The age range: a compact button that says the range and opens a slider. */
    private static Node ages(FilterBarViewModel model, Messages messages) {
        RangeSlider slider = new RangeSlider(FilterBarViewModel.MIN_AGE, FilterBarViewModel.MAX_AGE,
                model.ageLowProperty().get(), model.ageHighProperty().get());
        slider.setId("filter-ages");
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(10);
        slider.setBlockIncrement(1);
        slider.setPrefWidth(280);
        slider.lowValueProperty().bindBidirectional(model.ageLowProperty());
        slider.highValueProperty().bindBidirectional(model.ageHighProperty());
        CustomMenuItem item = new CustomMenuItem(slider, false);
        MenuButton button = new MenuButton();
        button.setId("filter-ages-button");
        button.getItems().add(item);
        button.textProperty().bind(Bindings.createStringBinding(() -> {
            long low = Math.round(model.ageLowProperty().get());
            long high = Math.round(model.ageHighProperty().get());
            return low <= FilterBarViewModel.MIN_AGE && high >= FilterBarViewModel.MAX_AGE
                    ? messages.get("filter.ages.any") : messages.get("filter.ages.range", low, high);
        }, model.ageLowProperty(), model.ageHighProperty()));
        return button;
    }

    private static <T> CheckComboBox<T> checkCombo(String id, String name, ObservableList<T> choices,
                                                   ObservableList<T> selected, Function<T, String> label) {
        // The combo's own copy of the values, replaced while syncing: the check model re-indexes
        // its checks when its items change, and that must not reach the model as the user's choice.
        ObservableList<T> items = FXCollections.observableArrayList(choices);
        CheckComboBox<T> combo = new CheckComboBox<>(items);
        combo.setId(id);
        combo.setShowCheckedCount(false);
        combo.setPrefWidth(140);
        combo.setConverter(DisplayConverter.of(label));
        // The chips say which values are chosen; the picker says what it picks and how many.
        Runnable title = () -> combo.setTitle(selected.isEmpty() ? name : name + " (" + selected.size() + ")");
        // Two ways: the user checks values; the model sets them (a chip removed, a linked value
        // added), also before the values are offered, and new choices must not drop what is selected.
        boolean[] syncing = {false};
        Runnable showSelected = () -> {
            syncing[0] = true;
            try {
                combo.getCheckModel().clearChecks();
                selected.stream().filter(choices::contains).forEach(combo.getCheckModel()::check);
            } finally {
                syncing[0] = false;
            }
            title.run();
        };
        combo.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) change -> {
            if (syncing[0]) {
                return;
            }
            selected.setAll(List.copyOf(combo.getCheckModel().getCheckedItems()));
            title.run();
        });
        selected.addListener((ListChangeListener<T>) change -> {
            if (!syncing[0] && !selected.equals(combo.getCheckModel().getCheckedItems())) {
                showSelected.run();
            }
        });
        choices.addListener((ListChangeListener<T>) change -> {
            syncing[0] = true;
            try {
                items.setAll(choices);
            } finally {
                syncing[0] = false;
            }
            showSelected.run();
        });
        showSelected.run();
        return combo;
    }
}
