package io.shoplens.engine.imports;

import java.util.List;
import java.util.Optional;

import io.shoplens.engine.logs.LogKind;

/**
 * What {@link FormatSniffer} saw in a file: the kind (empty when it cannot tell, {@code why} then
 * says what it saw and how to name the kind), the format, the delimiter (0 unless {@link
 * SourceFormat#DELIMITED}), gzip or not, whether line 1 is a header, the header's (or JSON/Parquet)
 * column names in file order, the number of fields a record has, and the first ≤ 20 raw lines.
 * {@code guessedFrom} is the number of records a headerless file's kind was told from by column
 * count and types alone, 0 when names told it (a header, JSON, Parquet) or it was given.
 */
public record Detection(Optional<LogKind> kind, String why, SourceFormat format, char delimiter, boolean gzip,
                        boolean hasHeader, List<String> columns, int fieldCount, List<String> firstLines,
                        int guessedFrom) {

    public Detection {
        columns = List.copyOf(columns);
        firstLines = List.copyOf(firstLines);
    }

    /** Whether the kind was told from column count and types alone, with nothing naming the columns. */
    public boolean guessed() {
        return kind.isPresent() && guessedFrom > 0;
    }

    /** The delimiter as a person reads it: {@code ','}, {@code '\t'} shown as {@code tab}, … */
    public String delimiterName() {
        return switch (delimiter) {
            case 0 -> "none";
            case '\t' -> "tab";
            case ' ' -> "space";
            default -> String.valueOf(delimiter);
        };
    }
}
