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

    static boolean matches(FunnelStep step, MemoryAction a) {
        return switch (step.kind()) {
            case PAGE -> is(a.pageId(), step);
            case SEARCH -> step.keyword().isPresent()
                    ? step.keyword().get().equals(a.keyword())
                    : a.keyword() != null && !a.keyword().isEmpty();
            case CLICK -> a.isClick();
            case CLICK_CATEGORY -> is(a.clickCategory(), step);
            case CLICK_PRODUCT -> is(a.clickProduct(), step);
            case ORDER -> a.isOrder();
            case ORDER_CATEGORY -> holds(a.orderCategories(), step);
            case PAY -> a.isPay();
            case PAY_CATEGORY -> holds(a.payCategories(), step);
            case PAY_PRODUCT -> holds(a.payProducts(), step);
        };
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
