package io.shoplens.app.live;

import java.time.LocalDate;
import java.util.Objects;

/** Which day the Live tab shows: the open day, kept up to date by every micro-batch, or a past day's tables. */
public sealed interface ShownDay {

    /** The open day, as the batches arrive. */
    ShownDay LIVE = new Live();

    static ShownDay past(LocalDate day) {
        return new Past(day);
    }

    record Live() implements ShownDay {
    }

    record Past(LocalDate day) implements ShownDay {
        public Past {
            Objects.requireNonNull(day, "day");
        }
    }
}
