package io.shoplens.app.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.shoplens.engine.analysis.SessionFilter;

/**
 * Parameters of one analysis run, as docs/ANALYSES.md names them. A sealed family so an adapter can
 * map each to the engine's parameter record with one {@code instanceof} chain.
 */
public sealed interface AnalysisRequest {

    /** The analysis' name, as in the CLI's {@code --analysis} and the result's folder. */
    String analysis();

    /** The analyses that run on filtered sessions (all but ads). */
    sealed interface Filtered extends AnalysisRequest {
        SessionFilter filter();
    }

    record Sessions(SessionFilter filter, int sampleSize, long seed) implements Filtered {
        public Sessions {
            Objects.requireNonNull(filter);
        }

        @Override
        public String analysis() {
            return "sessions";
        }
    }

    /** @param windowMinutes empty: the funnel has no time window */
    record Pages(SessionFilter filter, List<Long> pageFlow, Optional<Integer> windowMinutes) implements Filtered {
        public Pages {
            Objects.requireNonNull(filter);
            pageFlow = List.copyOf(pageFlow);
        }

        @Override
        public String analysis() {
            return "pages";
        }
    }

    record Products(SessionFilter filter) implements Filtered {
        public Products {
            Objects.requireNonNull(filter);
        }

        @Override
        public String analysis() {
            return "products";
        }
    }

    /** Ad clicks are not sessions: only the blacklist threshold and the time zone of dates and minutes apply. */
    record Ads(int blacklistThreshold, ZoneId timeZone) implements AnalysisRequest {
        public Ads {
            Objects.requireNonNull(timeZone);
        }

        @Override
        public String analysis() {
            return "ads";
        }
    }

    /** @param base    the bridge's base period, empty: no bridge table
     *  @param current the bridge's current period, present exactly when {@code base} is */
    record Gmv(SessionFilter filter, Optional<Period> base, Optional<Period> current) implements Filtered {
        public Gmv {
            Objects.requireNonNull(filter);
            if (base.isPresent() != current.isPresent()) {
                throw new IllegalArgumentException("base and current periods go together");
            }
        }

        @Override
        public String analysis() {
            return "gmv";
        }
    }

    /** Inclusive date range ({@code --base FROM..TO}). */
    record Period(LocalDate from, LocalDate to) {
        public Period {
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("period ends before it starts: " + from + ".." + to);
            }
        }

        @Override
        public String toString() {
            return from + ".." + to;
        }
    }
}
