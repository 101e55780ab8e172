package io.shoplens.engine.imports;

/** How a file's records are written. */
public enum SourceFormat {
    /** One record per line, fields separated by a delimiter (CSV, TSV, the platform's _ and space forms). */
    DELIMITED,
    /** One JSON object per line; field names are column names. */
    JSON_LINES,
    /** A Parquet file; columns by name. */
    PARQUET
}
