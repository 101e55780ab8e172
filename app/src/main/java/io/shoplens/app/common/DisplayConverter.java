package io.shoplens.app.common;

import java.util.function.Function;

import javafx.util.StringConverter;

/**
 * Shows values in a control that only picks them (a non-editable combo box or check combo box):
 * such a control never turns text back into a value, so {@link #fromString} has nothing to do.
 */
public final class DisplayConverter<T> extends StringConverter<T> {

    private final Function<T, String> label;

    private DisplayConverter(Function<T, String> label) {
        this.label = label;
    }

    /** {@code label} of each value; a missing value shows as empty text. */
    public static <T> DisplayConverter<T> of(Function<T, String> label) {
        return new DisplayConverter<>(label);
    }

    @Override
    public String toString(T value) {
        return value == null ? "" : label.apply(value);
    }

    /** No value is ever typed into a picker, so there is none to read back. */
    @Override
    public T fromString(String text) {
        return null;
    }
}
