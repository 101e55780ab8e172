package io.shoplens.app.engine;

import java.nio.file.Path;
import java.util.Optional;

import io.shoplens.engine.logs.LogKind;

/** One file to import, with the kind the user confirmed (empty: let the importer recognise it). */
public record ImportItem(Path file, Optional<LogKind> kind) {
}
