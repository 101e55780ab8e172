package io.shoplens.app.filters;

import java.util.Optional;

import io.shoplens.engine.analysis.PageJump;
import io.shoplens.engine.gmv.GmvDimension;

/**
 * A value clicked in a view that the window's filter can select: "filter everything by this".
 * Only the dimensions {@link io.shoplens.engine.analysis.SessionFilter} knows are links, and
 * {@link Dimension#PROVINCE}, which only ad clicks have (the ads analysis' own filter); a single
 * page or the city of an action are not (the filter's city is the user's, from user_info), so
 * the views offer no link for them.
 */
public record FilterLink(Dimension dimension, String value) {

    public enum Dimension {
        CATEGORY, PROFESSIONAL, SEX, USER_CITY, AGE_GROUP, KEYWORD, CHANNEL, AREA, PAGE_JUMP, PROVINCE
    }

    /** Sessions that made the jump; the value is written {@code 3-4}, as {@code --page-jumps} takes it. */
    public static FilterLink pageJump(PageJump jump) {
        return new FilterLink(Dimension.PAGE_JUMP, jump.text());
    }

    /** Ad clicks of the province (the ads analysis' {@code --provinces}); session views ignore it. */
    public static FilterLink province(String province) {
        return new FilterLink(Dimension.PROVINCE, province);
    }

    /** An area as the products and GMV tables name it ((unknown) included). */
    public static FilterLink area(String area) {
        return new FilterLink(Dimension.AREA, area);
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
            case CHANNEL -> Optional.of(new FilterLink(Dimension.CHANNEL, value));
            case AREA -> Optional.of(new FilterLink(Dimension.AREA, value));
            case CITY -> Optional.empty();
        };
    }
}
