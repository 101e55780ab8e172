package io.shoplens.engine.workspace;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The type of a stored result table's column: the class its values have in a fresh table, so a
 * table read back from the catalog has exactly those values again.
 */
enum ColumnType {
    LONG, DOUBLE, STRING, DATE, TIMESTAMP, BOOLEAN;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ColumnType byId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /**
     * The type of a column's values. A column of nulls only is text (nothing to restore); one that
     * mixes numbers is decimal, one that mixes anything else text: neither happens in a result.
     */
    static ColumnType of(List<List<Object>> rows, int column) {
        ColumnType type = null;
        for (List<Object> row : rows) {
            Object value = row.get(column);
            if (value == null) {
                continue;
            }
            ColumnType one = of(value);
            if (type == null || type == one) {
                type = one;
            } else if ((type == LONG || type == DOUBLE) && (one == LONG || one == DOUBLE)) {
                type = DOUBLE;
            } else {
                return STRING;
            }
        }
        return type == null ? STRING : type;
    }

    private static ColumnType of(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return LONG;
        }
        if (value instanceof Double || value instanceof Float) {
            return DOUBLE;
        }
        if (value instanceof LocalDate) {
            return DATE;
        }
        if (value instanceof LocalDateTime) {
            return TIMESTAMP;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        return STRING;
    }

    /** The text a value is stored as: exact, so {@link #parse} gives the same value back. */
    String format(Object value) {
        return switch (this) {
            case LONG -> Long.toString(((Number) value).longValue());
            case DOUBLE -> Double.toString(((Number) value).doubleValue());
            default -> value.toString();
        };
    }

    Object parse(String text) {
        return switch (this) {
            case LONG -> Long.parseLong(text);
            case DOUBLE -> Double.parseDouble(text);
            case STRING -> text;
            case DATE -> LocalDate.parse(text);
            case TIMESTAMP -> LocalDateTime.parse(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
        };
    }
}
