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
 * @param columns   the file's own column names (its header, or the JSON/Parquet field names), empty when
 *                  the file has none: the preview then numbers its columns
 * @param rows      the first data rows split into fields (at most a few dozen), never the header
 * @param guessedFrom the number of headerless lines the kind was guessed from, when it was guessed
 *                  from too few to import it without the user's confirmation; 0 otherwise
 */
public record ImportPreview(Path file, Optional<LogKind> kind, String format, String delimiter, String encoding,
                            List<String> columns, List<List<String>> rows, int guessedFrom) {

    public ImportPreview {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Whether the user must confirm the kind before the file is imported as it. */
    public boolean kindInDoubt() {
        return kind.isPresent() && guessedFrom > 0;
    }
}
