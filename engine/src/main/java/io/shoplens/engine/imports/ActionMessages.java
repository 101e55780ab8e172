package io.shoplens.engine.imports;

import java.util.List;

import io.shoplens.engine.logs.LogKind;

/**
 * One user_visit_action record that arrives alone (a Kafka message) rather than in a file, in the
 * forms the importer reads: a JSON object with the column names, a comma-separated line or the
 * platform's {@code _} line, with 13 columns or 15 (channel and pay_amount added). No header can
 * say which form a message has, so the importer's headerless layouts are tried in turn; the values
 * are typed by the importer's own {@link RowParser}, so a message is accepted or rejected exactly
 * as the same line in a file would be.
 */
public final class ActionMessages {

    private static final LogKind KIND = LogKind.USER_VISIT_ACTION;
    private static final RowParser PARSER = new RowParser(KIND);
    private static final List<String> COLUMNS = RowParser.sourceColumns(KIND);
    private static final int REQUIRED = KIND.requiredColumns().size();
    /** Comma first: a {@code _} line holds commas only inside its id lists, which then fail the count. */
    private static final List<Layout> LAYOUTS = List.of(
            Layout.headerless(KIND, ',', COLUMNS.size()), Layout.headerless(KIND, ',', REQUIRED),
            Layout.headerless(KIND, '_', COLUMNS.size()), Layout.headerless(KIND, '_', REQUIRED));

    /**
     * A message's typed values in {@link LogKind#schema()} order, or why it has none.
     *
     * @param values null when rejected
     * @param reason null when accepted
     */
    public record Parsed(Object[] values, String reason) {

        public boolean accepted() {
            return reason == null;
        }
    }

    private ActionMessages() {
    }

    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, "empty message");
        }
        String message = text.strip();
        try {
            if (message.startsWith("{")) {
                return new Parsed(PARSER.parse(FileImporter.jsonValues(message, COLUMNS, KIND)), null);
            }
            for (Layout layout : LAYOUTS) {
                String[] values = layout.values(message);
                if (values != null) {
                    return new Parsed(PARSER.parse(values), null);
                }
            }
            return new Parsed(null, "expected " + REQUIRED + " or " + COLUMNS.size()
                    + " fields of user_visit_action, separated by ',' or '_'");
        } catch (RowRejectedException e) {
            return new Parsed(null, e.getMessage());
        }
    }
}
