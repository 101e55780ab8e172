package io.shoplens.engine.audience;

import java.util.Map;

import io.shoplens.engine.memory.MemoryModel;

/**
 * A request's view of the model's catalogue by product id. Product ids are small numbers in
 * practice, so they index arrays: the tags look up a product for each click of the base, and a
 * map keyed by boxed ids was a tenth of the user tags' time at 10M actions. Other ids fall back
 * to the map.
 */
final class ProductLookup {

    /** Ids below this index arrays; above it the arrays would cost more than the lookups they save. */
    private static final long LARGEST_INDEXED = 1 << 22;

    private final Map<Long, MemoryModel.CatalogueEntry> catalogue;
    private final MemoryModel.CatalogueEntry[] byId;

    ProductLookup(Map<Long, MemoryModel.CatalogueEntry> catalogue) {
        this.catalogue = catalogue;
        long largest = -1;
        for (long id : catalogue.keySet()) {
            largest = id >= 0 && id < LARGEST_INDEXED ? Math.max(largest, id) : largest;
        }
        byId = new MemoryModel.CatalogueEntry[(int) largest + 1];
        catalogue.forEach((id, entry) -> {
            if (id >= 0 && id < byId.length) {
                byId[(int) id.longValue()] = entry;
            }
        });
    }

    /** The product's entry, null when the catalogue lacks it. */
    MemoryModel.CatalogueEntry get(long id) {
        if (id >= 0 && id < byId.length) {
            return byId[(int) id];
        }
        return id >= 0 && id < LARGEST_INDEXED ? null : catalogue.get(id);
    }
}
