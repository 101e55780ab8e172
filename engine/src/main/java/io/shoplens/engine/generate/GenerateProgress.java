package io.shoplens.engine.generate;

import io.shoplens.engine.logs.LogKind;

/** Told how far generation is: {@code done} of {@code total} sessions (actions) or rows (other kinds). */
@FunctionalInterface
public interface GenerateProgress {

    GenerateProgress NONE = (kind, done, total) -> { };

    void update(LogKind kind, long done, long total);
}
