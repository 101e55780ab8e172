package io.shoplens.engine.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.shoplens.engine.logs.LogKind;

/**
 * Where each of a kind's source columns sits in a delimited record: by header name, or by
 * position without a header. Also the free-text field that may contain the delimiter itself (the
 * search keyword in the platform's {@code _} form, product extend_info JSON).
 */
final class Layout {

    private final LogKind kind;
    private final char delimiter;
    private final int width;
    private final int[] fieldOf;
    private final int freeField;
    private final List<String> ignored;

    private Layout(LogKind kind, char delimiter, int width, int[] fieldOf, List<String> ignored) {
        this.kind = kind;
        this.delimiter = delimiter;
        this.width = width;
        this.fieldOf = fieldOf;
        this.ignored = ignored;
        this.freeField = freeField(kind, delimiter, fieldOf);
    }

    static Layout headerless(LogKind kind, char delimiter, int width) {
        int[] fieldOf = new int[RowParser.sourceColumns(kind).size()];
        for (int i = 0; i < fieldOf.length; i++) {
            fieldOf[i] = i < width ? i : -1;
        }
        return new Layout(kind, delimiter, width, fieldOf, List.of());
    }

    /** By header names (normalised); null fields of {@code missing} name the required columns absent. */
    static Layout ofHeader(LogKind kind, char delimiter, List<String> names, List<String> missing) {
        Map<String, Integer> at = FormatSniffer.positions(names);
        List<String> columns = RowParser.sourceColumns(kind);
        int[] fieldOf = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Integer p = at.get(columns.get(i));
            fieldOf[i] = p == null ? -1 : p;
            if (p == null && kind.requiredColumns().contains(columns.get(i))) {
                missing.add(columns.get(i));
            }
        }
        List<String> ignored = new ArrayList<>();
        for (String n : names) {
            if (!columns.contains(n)) {
                ignored.add(n);
            }
        }
        return new Layout(kind, delimiter, names.size(), fieldOf, ignored);
    }

    private static int freeField(LogKind kind, char delimiter, int[] fieldOf) {
        return switch (kind) {
            // With ',' or tab an unquoted comma could as well be an id list's: no guessing there.
            case USER_VISIT_ACTION -> delimiter == '_' || delimiter == ' ' ? fieldOf[5] : -1;
            // Split with a limit of the column count: the JSON keeps its own delimiters ("product_status").
            case PRODUCT_INFO -> fieldOf[2];
            // Not city_info's area, nor user_info's sex: as free text they would swallow the surplus
            // fields of any line, and a user_info line would then read as a city.
            default -> -1;
        };
    }

    LogKind kind() {
        return kind;
    }

    int width() {
        return width;
    }

    /** Header columns no kind uses; they are skipped. */
    List<String> ignored() {
        return ignored;
    }

    /** The kind's source values of one line, or null when the field count is wrong. */
    String[] values(String line) {
        List<String> fields = FieldSplitter.absorb(FieldSplitter.split(line, delimiter), width, freeField, delimiter);
        if (fields.size() != width) {
            return null;
        }
        String[] values = new String[fieldOf.length];
        for (int i = 0; i < fieldOf.length; i++) {
            values[i] = fieldOf[i] < 0 ? null : fields.get(fieldOf[i]);
        }
        return values;
    }

    /** Why {@link #values} returned null for this line. */
    String countProblem(String line) {
        int found = FieldSplitter.split(line, delimiter).size();
        return "wrong number of fields: expected " + width + ", found " + found + " (delimiter "
                + FormatSniffer.name(delimiter) + ")";
    }

    @Override
    public String toString() {
        return kind.id() + Arrays.toString(fieldOf);
    }
}
