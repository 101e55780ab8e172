package io.shoplens.engine.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.shoplens.engine.analysis.AnalysisResult;
import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.products.HotProductsAnalysis;
import io.shoplens.engine.products.HotProductsAnalysis.ProductParams;
import io.shoplens.engine.text.Text;

/** {@link HotProductsAnalysis} over in-memory sessions: the same table, the same values. */
public final class MemoryProductAnalysis {

    private MemoryProductAnalysis() {
    }

    public static AnalysisResult run(MemoryModel model, List<MemorySession> sessions, ProductParams params) {
        // Clicks per (product, city) first, as the Spark analysis counts them.
        LongPairCounts perProductAndCity = new LongPairCounts(1);
        for (MemorySession s : sessions) {
            ActionRows actions = s.actions();
            for (int i = 0; i < actions.size(); i++) {
                long product = actions.clickProduct(i);
                if (product != MemoryAction.NONE) {
                    perProductAndCity.add(product, actions.cityId(i), 0, 1);
                }
            }
        }
        Map<String, Map<Long, AreaClicks>> byArea = new HashMap<>();
        for (int k = 0; k < perProductAndCity.size(); k++) {
            long product = perProductAndCity.first(k);
            long city = perProductAndCity.second(k);
            MemoryModel.City known = city == MemoryAction.NONE ? null : model.cities().get(city);
            String area = known == null || known.area() == null ? HotProductsAnalysis.UNKNOWN_AREA : known.area();
            AreaClicks entry = byArea.computeIfAbsent(area, a -> new HashMap<>())
                    .computeIfAbsent(product, p -> new AreaClicks());
            entry.clicks += perProductAndCity.count(k, 0);
            if (known != null && known.name() != null) {
                entry.cities.put(new CityKey(city, known.name()), known.name());
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        byArea.keySet().stream()
                .sorted(Comparator.comparing(MemoryProductAnalysis::areaLevel).thenComparing(Text.ORDER))
                .forEach(area -> {
                    List<Map.Entry<Long, AreaClicks>> top = byArea.get(area).entrySet().stream()
                            .sorted(Comparator.comparingLong((Map.Entry<Long, AreaClicks> e) -> e.getValue().clicks)
                                    .reversed().thenComparing(Map.Entry.comparingByKey()))
                            .limit(params.topN()).toList();
                    for (int i = 0; i < top.size(); i++) {
                        long product = top.get(i).getKey();
                        MemoryModel.Product info = model.products().get(product);
                        Set<String> names = new LinkedHashSet<>(top.get(i).getValue().cities.values());
                        rows.add(Arrays.asList(area, areaLevel(area), (long) i + 1, product,
                                info == null ? HotProductsAnalysis.UNKNOWN_PRODUCT : info.name(),
                                status(info), top.get(i).getValue().clicks, String.join(",", names)));
                    }
                });
        return new AnalysisResult(HotProductsAnalysis.NAME, List.of(new ResultTable(HotProductsAnalysis.TOP_PRODUCTS,
                List.of("area", "area_level", "rank", "product_id", "product_name", "product_status", "clicks",
                        "cities"), rows)));
    }

    /** A product's clicks in an area, and the known cities they came from in (city_id, name) order. */
    private static final class AreaClicks {
        long clicks;
        final TreeMap<CityKey, String> cities = new TreeMap<>(Comparator.comparingLong(CityKey::id)
                .thenComparing(CityKey::name, Text.ORDER));
    }

    private record CityKey(long id, String name) {
    }

    private static String status(MemoryModel.Product info) {
        if (info == null || info.status() == null) {
            return "unknown";
        }
        return info.status() == 0 ? "self" : info.status() == 1 ? "third_party" : "unknown";
    }

    /** As {@link HotProductsAnalysis#areaLevel}. */
    static String areaLevel(String area) {
        return switch (area) {
            case "华北", "华东" -> "A";
            case "华南", "华中" -> "B";
            case "西北", "西南" -> "C";
            default -> "D";
        };
    }
}
