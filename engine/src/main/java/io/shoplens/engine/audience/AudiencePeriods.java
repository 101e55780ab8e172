package io.shoplens.engine.audience;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.time.LocalDate;
import java.util.Optional;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import io.shoplens.engine.gmv.DateRange;
import io.shoplens.engine.model.SessionColumns;

/**
 * The base and current periods of the audience analysis (docs/ANALYSES.md, audience): as given, or
 * the last {@value #DAYS} days of the data and the {@value #DAYS} before.
 *
 * @param base    the period whose behaviour tags users and picks habits
 * @param current the period a tag's promise or a habit's lapse is checked in
 */
public record AudiencePeriods(DateRange base, DateRange current) {

    public static final int DAYS = 7;

    /**
     * The given periods, else the default ones ending on the filtered sessions' latest action
     * date (the data an analysis reads is what passed the filter, so a date filter moves the
     * periods with it); empty when no session passed and no period was given.
     */
    public static Optional<AudiencePeriods> of(AudienceParams params, Dataset<Row> sessions) {
        return params.base().isPresent() ? of(params, Optional.empty()) : of(params, lastDate(sessions));
    }

    /** The given periods, else the default ones ending on {@code lastDate}; empty when neither is there. */
    public static Optional<AudiencePeriods> of(AudienceParams params, Optional<LocalDate> lastDate) {
        if (params.base().isPresent()) {
            return Optional.of(new AudiencePeriods(params.base().get(), params.current().get()));
        }
        return lastDate.map(AudiencePeriods::endingOn);
    }

    /** The latest action date of {@code sessions}; empty without sessions. */
    public static Optional<LocalDate> lastDate(Dataset<Row> sessions) {
        Row latest = sessions.agg(max(col(SessionColumns.MAX_DATE))).first();
        return latest.isNullAt(0) ? Optional.empty() : Optional.of(latest.getDate(0).toLocalDate());
    }

    /** The current period = the {@value #DAYS} days up to {@code last}, the base = the {@value #DAYS} before. */
    public static AudiencePeriods endingOn(LocalDate last) {
        LocalDate currentFrom = last.minusDays(DAYS - 1);
        return new AudiencePeriods(new DateRange(currentFrom.minusDays(DAYS), currentFrom.minusDays(1)),
                new DateRange(currentFrom, last));
    }
}
