package io.shoplens.engine.imports;

import java.util.List;
import java.util.Optional;

import io.shoplens.engine.logs.LogKind;

/**
 * What {@link FormatSniffer} saw in a file: the kind (empty when it cannot tell, {@code why} then
 * says what it saw and how to name the kind), the format, the delimiter (0 unless {@link
 * SourceFormat#DELIMITED}), gzip or not, whether line 1 is a header, the header's (or JSON/Parquet)
 * column names in file order, the number of fields a record has, and the first ≤ 20 raw lines.
 */
public record Detection(Optional<LogKind> kind, String why, SourceFormat format, char delimiter, boolean gzip,
                        boolean hasHeader, List<String> columns, int fieldCount, List<String> firstLines) {

    public Detection {
        columns = List.copyOf(columns);
        firstLines = List.copyOf(firstLines);
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
