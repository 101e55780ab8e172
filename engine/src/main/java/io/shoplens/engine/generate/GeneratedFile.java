package io.shoplens.engine.generate;

import java.nio.file.Path;

import io.shoplens.engine.logs.LogKind;

/** One written file and its number of data rows (header not counted). */
public record GeneratedFile(LogFormat format, LogKind kind, Path path, long rows) {
}
