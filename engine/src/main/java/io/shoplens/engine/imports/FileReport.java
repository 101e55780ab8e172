package io.shoplens.engine.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.shoplens.engine.logs.LogKind;
import io.shoplens.engine.workspace.RejectedRow;

/**
 * What happened to one input file (or folder of Parquet parts): how it was read, its counts, its
 * outcome, warnings and every rejected row. {@code read} counts records: non-blank ones after the
 * header (blank lines, including a trailing one, carry no record; a record spans lines only inside
 * a quoted field); for Parquet, rows. {@code read == accepted + rejected} always.
 */
public record FileReport(String file, Source source, Counts counts, Outcome outcome, List<String> warnings,
                         List<RejectedRow> rejections) {

    /** How the file was read: its kind (empty when it could not be told) and text form. */
    public record Source(Optional<LogKind> kind, SourceFormat format, String delimiter, boolean gzip, String encoding) {

        /** A file that was not read (missing, unreadable, skipped). */
        static final Source NONE = new Source(Optional.empty(), SourceFormat.DELIMITED, "none", false, "UTF-8");

        static Source of(Optional<LogKind> kind, Detection d) {
            return new Source(kind, d.format(), d.delimiterName(), d.gzip(), "UTF-8");
        }
    }

    public record Counts(long read, long accepted, long rejected) {
        static final Counts NONE = new Counts(0, 0, 0);
    }

    /** Where the file's data went; only {@link Failed} makes the import's exit code 3. */
    public sealed interface Outcome {
        /** Its rows are this new dataset. */
        record Imported(long datasetId) implements Outcome { }

        /** Its bytes were already imported, as this dataset: nothing added. */
        record Duplicate(long datasetId) implements Outcome { }

        /** Readable, but holding no record (empty, blank, a header only): nothing added. */
        record Empty() implements Outcome { }

        /** Clearly not a log (a README, an OS's folder file): not read, nothing added. */
        record Skipped(String why) implements Outcome { }

        /** Could not be imported at all (unreadable, vanished, kind unknown or in doubt); the message says why. */
        record Failed(String error) implements Outcome { }
    }

    public FileReport {
        warnings = List.copyOf(warnings);
        rejections = List.copyOf(rejections);
    }

    static FileReport failed(String file, String error) {
        return new FileReport(file, Source.NONE, Counts.NONE, new Outcome.Failed(error), List.of(), List.of());
    }

    static FileReport skipped(String file, String why) {
        return new FileReport(file, Source.NONE, Counts.NONE, new Outcome.Skipped(why), List.of(), List.of());
    }

    FileReport with(Outcome newOutcome) {
        return new FileReport(file, source, counts, newOutcome, warnings, rejections);
    }

    FileReport withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(warning);
        return new FileReport(file, source, counts, outcome, more, rejections);
    }

    public Optional<LogKind> kind() {
        return source.kind();
    }

    public SourceFormat format() {
        return source.format();
    }

    /** The delimiter as a person reads it ({@code ,}, {@code tab}, {@code space}, {@code _}; {@code none}). */
    public String delimiter() {
        return source.delimiter();
    }

    public boolean gzip() {
        return source.gzip();
    }

    public long read() {
        return counts.read();
    }

    public long accepted() {
        return counts.accepted();
    }

    public long rejected() {
        return counts.rejected();
    }

    /** The new dataset holding this file's rows. */
    public Optional<Long> datasetId() {
        return outcome instanceof Outcome.Imported i ? Optional.of(i.datasetId()) : Optional.empty();
    }

    /** The dataset that already held these bytes. */
    public Optional<Long> duplicateOf() {
        return outcome instanceof Outcome.Duplicate d ? Optional.of(d.datasetId()) : Optional.empty();
    }

    /** Why the file could not be imported at all. */
    public Optional<String> error() {
        return outcome instanceof Outcome.Failed f ? Optional.of(f.error()) : Optional.empty();
    }
}
