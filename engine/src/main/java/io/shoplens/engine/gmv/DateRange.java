package io.shoplens.engine.gmv;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** An inclusive range of dates, written {@code FROM..TO} ({@code 2019-07-01..2019-07-07}). */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Date range ends before it starts: " + from + ".." + to);
        }
    }

    /** Parses {@code FROM..TO}; throws {@link IllegalArgumentException} with the reason otherwise. */
    public static DateRange parse(String text) {
        String[] parts = text.trim().split("\\.\\.", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("Expected FROM..TO (yyyy-MM-dd..yyyy-MM-dd), got: " + text);
        }
        try {
            return new DateRange(LocalDate.parse(parts[0].trim()), LocalDate.parse(parts[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a date in " + text + ": " + e.getParsedString(), e);
        }
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
