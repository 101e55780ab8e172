package io.shoplens.app.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.logs.LogKind;

/**
 * The first rows of a file and what the importer recognised in them.
 *
 * @param kind      the recognised kind, empty when the importer cannot tell (the user chooses)
 * @param format    the text form: "csv", "tsv", "underscore", "space", "jsonl", "parquet"
 * @param delimiter the field delimiter as shown to the user ("," "\t" "_" " "), empty for JSON/Parquet
 * @param encoding  e.g. "UTF-8", with "+gzip" when compressed
 * @param rows      the first rows split into fields (at most a few dozen), header row included if any
 */
public record ImportPreview(Path file, Optional<LogKind> kind, String format, String delimiter, String encoding,
                            List<List<String>> rows) {

    public ImportPreview {
        rows = rows.stream().map(List::copyOf).toList();
    }
}
