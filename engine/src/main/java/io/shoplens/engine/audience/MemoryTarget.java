package io.shoplens.engine.audience;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.shoplens.engine.memory.ActionRows;
import io.shoplens.engine.memory.MemoryAction;
import io.shoplens.engine.memory.MemorySession;

/** {@link Target} over the in-memory model: which actions hit it and which tags it makes. */
final class MemoryTarget {

    private final Target target;

    private MemoryTarget(Target target) {
        this.target = target;
    }

    /**
     * The target of {@code item}; a product's categories as {@link Target#of} finds them, over every
     * action of the filtered sessions, not only those in the periods.
     */
    static MemoryTarget of(Optional<Item> item, List<MemorySession> sessions) {
        if (item.isEmpty()) {
            return new MemoryTarget(new Target(item, List.of()));
        }
        if (item.get().level() == Item.Level.CATEGORY) {
            return new MemoryTarget(new Target(item, List.of(item.get().id())));
        }
        return new MemoryTarget(new Target(item, List.copyOf(categoriesOf(item.get().id(), sessions))));
    }

    /**
     * Target.hitBy for a pay, given its distinct category and product ids (null for an unset
     * list); an action that is not a pay hits no target.
     */
    boolean hitByPay(long[] payCategories, long[] payProducts) {
        if (target.item().isEmpty()) {
            return true;
        }
        long[] list = target.item().get().level() == Item.Level.CATEGORY ? payCategories : payProducts;
        return contains(list, target.item().get().id());
    }

    /** Target.leavesOut. */
    boolean leavesOut(String tag) {
        if (target.item().isEmpty()) {
            return tag.startsWith("bought:") || tag.startsWith("price:") || tag.equals(UserTags.SUSPECT);
        }
        return target.categories().stream().anyMatch(c -> tag.equals("bought:" + c));
    }

    /**
     * The click's category when it clicks the product, and the categories of an order or pay
     * listing it alone, as read raw: only null (NONE) and -1 are dropped, after the lists.
     */
    private static Set<Long> categoriesOf(long product, List<MemorySession> sessions) {
        Set<Long> categories = new TreeSet<>();
        for (MemorySession s : sessions) {
            // Read field by field: an action made whole is an object per action of every session.
            ActionRows a = s.actions();
            for (int i = 0; i < a.size(); i++) {
                if (a.clickProduct(i) == product) {
                    categories.add(a.clickCategory(i));
                }
                if (alone(a.orderProducts(i), product)) {
                    addAll(categories, a.orderCategories(i));
                }
                if (alone(a.payProducts(i), product)) {
                    addAll(categories, a.payCategories(i));
                }
            }
        }
        categories.remove(MemoryAction.NONE);
        categories.remove(-1L);
        return categories;
    }

    private static boolean alone(long[] products, long product) {
        long[] ids = MemoryAction.distinctSetIds(products);
        return ids != null && ids.length == 1 && ids[0] == product;
    }

    private static void addAll(Set<Long> to, long[] ids) {
        if (ids != null) {
            for (long id : ids) {
                to.add(id);
            }
        }
    }

    private static boolean contains(long[] list, long id) {
        if (list == null) {
            return false;
        }
        for (long x : list) {
            if (x == id) {
                return true;
            }
        }
        return false;
    }
}
