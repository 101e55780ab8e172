package io.shoplens.app.filters;

import java.util.Optional;

import io.shoplens.engine.gmv.GmvDimension;

/**
 * A value clicked in a view that the session filter can select: "filter everything by this".
 * Only the dimensions {@link io.shoplens.engine.analysis.SessionFilter} knows are links; a page,
 * an area, a channel or the city of an action are not (the filter's city is the user's, from
 * user_info), so the views offer no link for them.
 */
public record FilterLink(Dimension dimension, String value) {

    public enum Dimension {
        CATEGORY, PROFESSIONAL, SEX, USER_CITY, AGE_GROUP, KEYWORD
    }

    public static FilterLink category(long id) {
        return new FilterLink(Dimension.CATEGORY, String.valueOf(id));
    }

    /** The link for a value of a GMV breakdown dimension, where the filter has that dimension. */
    public static Optional<FilterLink> ofGmv(GmvDimension dimension, String value) {
        return switch (dimension) {
            case SEX -> Optional.of(new FilterLink(Dimension.SEX, value));
            case PROFESSIONAL -> Optional.of(new FilterLink(Dimension.PROFESSIONAL, value));
            case AGE_GROUP -> AgeGroups.range(value).isPresent()
                    ? Optional.of(new FilterLink(Dimension.AGE_GROUP, value)) : Optional.empty();
            case CHANNEL, AREA, CITY -> Optional.empty();
        };
    }
}
