package io.shoplens.engine.imports;

import java.util.Optional;

import io.shoplens.engine.logs.LogKind;

/**
 * When a guessed kind is in doubt. A headerless file's kind is guessed from its column count and
 * types; a few values fit several kinds by chance ({@code 1,2,3} is a city with name "2" in area
 * "3"), and a file whose records mostly fail the guessed kind is likely another thing altogether.
 * Such a file is never imported silently: the CLI fails it alone, asking for {@code --kind}, and
 * the app asks the user to confirm its kind.
 */
public final class GuessedKinds {

    /** A guess from fewer records than this is in doubt. */
    public static final int MIN_RECORDS = 5;

    private GuessedKinds() {
    }

    /** Whether a kind recognised from a file's first lines needs the user's confirmation before import. */
    public static boolean needsConfirmation(Detection d) {
        return d.guessed() && d.guessedFrom() < MIN_RECORDS;
    }

    /** Why an imported file's guessed kind is in doubt, given all its records; empty when it is not. */
    static Optional<String> doubt(String file, Detection d, FileReport.Counts counts) {
        if (!d.guessed() || counts.read() == 0) {
            return Optional.empty();
        }
        LogKind kind = d.kind().orElseThrow();
        String fit = d.fieldCount() + " fields separated by " + FormatSniffer.name(d.delimiter());
        if (counts.read() < MIN_RECORDS) {
            return Optional.of(file + ": its kind was guessed from " + counts.read() + " record"
                    + (counts.read() == 1 ? "" : "s") + " without a header (" + fit + " fit " + kind.id()
                    + "), too few to tell; nothing of it was imported. If it is " + kind.id()
                    + ", give --kind " + kind.id() + "; else give --kind with its kind");
        }
        if (counts.rejected() * 2 > counts.read()) {
            return Optional.of(file + ": read as " + kind.id() + " (guessed without a header, " + fit + "), "
                    + counts.rejected() + " of its " + counts.read() + " records were rejected, so it is likely"
                    + " not " + kind.id() + "; nothing of it was imported. Give --kind with its kind");
        }
        return Optional.empty();
    }
}
