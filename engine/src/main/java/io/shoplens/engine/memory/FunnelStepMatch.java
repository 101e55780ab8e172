package io.shoplens.engine.memory;

import io.shoplens.engine.funnel.FunnelStep;

/**
 * Whether an in-memory action matches a funnel step, exactly as {@link FunnelStep#matches} decides
 * it on Spark's action structs: unset ids ({@link MemoryAction#NONE}, Spark's NULL) match no id, a
 * {@code -1} is no click, and a search is any keyword but the empty one (Spark compares with
 * {@code ""}, so a keyword of spaces is a search, unlike {@link MemoryAction#isSearch}).
 *
 * <p>One per step, its id and keyword read once: it is asked for every action of every path.
 */
final class FunnelStepMatch {

    private final FunnelStep.Kind kind;
    /** The step's id, unused by the kinds without one. */
    private final long id;
    /** The keyword a search must be, null for any search. */
    private final String keyword;

    private FunnelStepMatch(FunnelStep step) {
        this.kind = step.kind();
        this.id = step.id().orElse(0L);
        this.keyword = step.keyword().orElse(null);
    }

    static FunnelStepMatch of(FunnelStep step) {
        return new FunnelStepMatch(step);
    }

    /** Whether the action at {@code place} of {@code path} matches the step. */
    boolean matches(ActionRows path, int place) {
        return switch (kind) {
            case PAGE -> is(path.pageId(place));
            case SEARCH -> isSearch(path.keyword(place));
            case CLICK -> path.isClick(place);
            case CLICK_CATEGORY -> is(path.clickCategory(place));
            case CLICK_PRODUCT -> is(path.clickProduct(place));
            case ORDER -> path.isOrder(place);
            case ORDER_CATEGORY -> holds(path.orderCategories(place));
            case PAY -> path.isPay(place);
            case PAY_CATEGORY -> holds(path.payCategories(place));
            case PAY_PRODUCT -> holds(path.payProducts(place));
        };
    }

    private boolean isSearch(String actionKeyword) {
        return keyword != null ? keyword.equals(actionKeyword) : actionKeyword != null && !actionKeyword.isEmpty();
    }

    /** An id equal to the step's; an unset id (NULL in Spark) equals nothing. */
    private boolean is(long actionId) {
        return actionId != MemoryAction.NONE && actionId == id;
    }

    /** Spark's {@code array_contains}: a null list or a list without the id (null elements aside) is false. */
    private boolean holds(long[] ids) {
        if (ids == null) {
            return false;
        }
        for (long actionId : ids) {
            if (is(actionId)) {
                return true;
            }
        }
        return false;
    }
}
