package io.shoplens.app.analysis;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.RangeSlider;

import io.shoplens.app.common.Messages;

/** The session filter controls, bound to a {@link FilterViewModel}. */
public final class FilterPanel extends VBox {

    public FilterPanel(FilterViewModel model, Messages messages) {
        super(10);
        getStyleClass().add("filter-panel");

        DatePicker from = new DatePicker();
        from.setId("filter-from");
        from.setPromptText(messages.get("filter.from"));
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("filter-to");
        to.setPromptText(messages.get("filter.to"));
        to.valueProperty().bindBidirectional(model.toProperty());
        HBox dates = new HBox(6, from, to);
        from.setMaxWidth(Double.MAX_VALUE);
        to.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(from, Priority.ALWAYS);
        HBox.setHgrow(to, Priority.ALWAYS);

        RangeSlider ages = new RangeSlider(FilterViewModel.MIN_AGE, FilterViewModel.MAX_AGE,
                model.ageLowProperty().get(), model.ageHighProperty().get());
        ages.setId("filter-ages");
        ages.setMajorTickUnit(10);
        ages.setBlockIncrement(1);
        ages.setSnapToTicks(false);
        ages.lowValueProperty().bindBidirectional(model.ageLowProperty());
        ages.highValueProperty().bindBidirectional(model.ageHighProperty());
        Label agesValue = new Label();
        agesValue.getStyleClass().add("field-value");
        agesValue.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            long low = Math.round(model.ageLowProperty().get());
            long high = Math.round(model.ageHighProperty().get());
            return low <= FilterViewModel.MIN_AGE && high >= FilterViewModel.MAX_AGE
                    ? messages.get("filter.anyAge") : low + " – " + high;
        }, model.ageLowProperty(), model.ageHighProperty()));

        TextField keywords = new TextField();
        keywords.setId("filter-keywords");
        keywords.setPromptText(messages.get("filter.keywords.prompt"));
        keywords.textProperty().bindBidirectional(model.keywordsProperty());

        getChildren().addAll(
                Forms.field(messages.get("filter.dates"), dates),
                Forms.field(messages.get("filter.ages"), agesValue, ages),
                Forms.field(messages.get("filter.professionals"),
                        checkCombo("filter-professionals", model.professionalChoices(), model.professionals(), messages)),
                Forms.field(messages.get("filter.cities"),
                        checkCombo("filter-cities", model.cityChoices(), model.cities(), messages)),
                Forms.field(messages.get("filter.sex"),
                        checkCombo("filter-sex", model.sexChoices(), model.sexes(), messages)),
                Forms.field(messages.get("filter.keywords"), keywords),
                Forms.field(messages.get("filter.categories"),
                        checkCombo("filter-categories", model.categoryChoices(), model.categories(), messages)));
    }

    private static <T> CheckComboBox<T> checkCombo(String id, ObservableList<T> choices, ObservableList<T> selected,
                                                   Messages messages) {
        // The combo's own copy of the values, replaced while syncing: the check model re-indexes
        // its checks when its items change, and that must not reach the model as the user's choice.
        ObservableList<T> items = FXCollections.observableArrayList(choices);
        CheckComboBox<T> combo = new CheckComboBox<>(items);
        combo.setId(id);
        combo.setTitle(messages.get("filter.all"));
        combo.setShowCheckedCount(false);
        combo.setMaxWidth(Double.MAX_VALUE);
        // Two ways: the user checks values; the model sets them (a reopened run's filter), also
        // before the values are offered, and new choices must not drop what is selected.
        boolean[] syncing = {false};
        Runnable showSelected = () -> {
            syncing[0] = true;
            try {
                combo.getCheckModel().clearChecks();
                selected.stream().filter(choices::contains).forEach(combo.getCheckModel()::check);
            } finally {
                syncing[0] = false;
            }
            combo.setTitle(selected.isEmpty() ? messages.get("filter.all") : null);
        };
        combo.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) change -> {
            if (syncing[0]) {
                return;
            }
            List<T> checked = List.copyOf(combo.getCheckModel().getCheckedItems());
            selected.setAll(checked);
            combo.setTitle(checked.isEmpty() ? messages.get("filter.all") : null);
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
