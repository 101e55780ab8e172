package io.shoplens.engine.imports;

/** Progress of an import: {@code fraction} of all input bytes done (0..1) and what is happening. */
@FunctionalInterface
public interface ImportListener {

    ImportListener NONE = (fraction, message) -> { };

    void progress(double fraction, String message);
}
