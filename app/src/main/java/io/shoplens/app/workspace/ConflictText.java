package io.shoplens.app.workspace;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.workspace.ReferenceConflict;

/** A reference conflict as the user reads it, in the UI's language. */
final class ConflictText {

    private ConflictText() {
    }

    /** E.g. "Cities: numbers.csv overrides 1 id of city_info.csv (city 1: “2 | 3” there, “上海 | 华东” here)". */
    static String of(Messages messages, ReferenceConflict c) {
        String text = messages.get("conflict.text", messages.get("kind." + c.kind().id()), c.winner().name(), c.ids(),
                c.overridden().name());
        if (c.examples().isEmpty()) {
            return text;
        }
        ReferenceConflict.Example e = c.examples().get(0);
        return text + " " + messages.get("conflict.example", e.id(), e.winning(), e.overridden());
    }
}
