package io.shoplens.engine.memory;

import io.shoplens.engine.funnel.FunnelStep;

/**
 * Whether an in-memory action matches a funnel step, exactly as {@link FunnelStep#matches} decides
 * it on Spark's action structs: unset ids ({@link MemoryAction#NONE}, Spark's NULL) match no id, a
 * {@code -1} is no click, and a search is any keyword but the empty one (Spark compares with
 * {@code ""}, so a keyword of spaces is a search, unlike {@link MemoryAction#isSearch}).
 */
final class FunnelStepMatch {

    private FunnelStepMatch() {
    }

    /** Whether the action at {@code place} of {@code path} matches {@code step}. */
    static boolean matches(FunnelStep step, ActionRows path, int place) {
        return switch (step.kind()) {
            case PAGE -> is(path.pageId(place), step);
            case SEARCH -> isSearch(path.keyword(place), step);
            case CLICK -> path.isClick(place);
            case CLICK_CATEGORY -> is(path.clickCategory(place), step);
            case CLICK_PRODUCT -> is(path.clickProduct(place), step);
            case ORDER -> path.isOrder(place);
            case ORDER_CATEGORY -> holds(path.orderCategories(place), step);
            case PAY -> path.isPay(place);
            case PAY_CATEGORY -> holds(path.payCategories(place), step);
            case PAY_PRODUCT -> holds(path.payProducts(place), step);
        };
    }

    private static boolean isSearch(String keyword, FunnelStep step) {
        return step.keyword().isPresent()
                ? step.keyword().get().equals(keyword)
                : keyword != null && !keyword.isEmpty();
    }

    /** An id equal to the step's; an unset id (NULL in Spark) equals nothing. */
    private static boolean is(long id, FunnelStep step) {
        return id != MemoryAction.NONE && id == step.id().get();
    }

    /** Spark's {@code array_contains}: a null list or a list without the id (null elements aside) is false. */
    private static boolean holds(long[] ids, FunnelStep step) {
        if (ids == null) {
            return false;
        }
        for (long id : ids) {
            if (is(id, step)) {
                return true;
            }
        }
        return false;
    }
}
