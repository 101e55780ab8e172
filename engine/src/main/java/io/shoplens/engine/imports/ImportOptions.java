package io.shoplens.engine.imports;

import java.util.Optional;

import io.shoplens.engine.logs.LogKind;

/**
 * {@code kind}: read every input as this kind instead of recognising it. {@code datasetName}: the
 * dataset's name (with several files, "NAME (file name)"); by default a dataset is named after its file.
 */
public record ImportOptions(Optional<LogKind> kind, Optional<String> datasetName) {

    public static ImportOptions defaults() {
        return new ImportOptions(Optional.empty(), Optional.empty());
    }
}
