package io.shoplens.app.ads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.shoplens.engine.analysis.ResultTable;

/**
 * The province × ad cross table of daily_clicks (clicks summed over dates and cities): a small
 * reshaping in plain Java, as DESIGN.md wants for interaction on results.
 */
public final class ProvinceByAd {

    private ProvinceByAd() {
    }

    public static ResultTable of(ResultTable dailyClicks) {
        int province = dailyClicks.columnIndex("province");
        int ad = dailyClicks.columnIndex("ad_id");
        int clicks = dailyClicks.columnIndex("clicks");
        TreeSet<Long> ads = new TreeSet<>();
        Map<String, Map<Long, Long>> sums = new TreeMap<>();
        for (List<Object> row : dailyClicks.rows()) {
            long adId = ((Number) row.get(ad)).longValue();
            ads.add(adId);
            sums.computeIfAbsent(String.valueOf(row.get(province)), p -> new TreeMap<>())
                    .merge(adId, ((Number) row.get(clicks)).longValue(), Long::sum);
        }
        List<String> columns = new ArrayList<>();
        columns.add("province");
        ads.forEach(a -> columns.add("ad " + a));
        columns.add("total");
        List<List<Object>> rows = new ArrayList<>();
        sums.forEach((p, byAd) -> {
            List<Object> row = new ArrayList<>();
            row.add(p);
            long total = 0;
            for (Long a : ads) {
                long value = byAd.getOrDefault(a, 0L);
                row.add(value);
                total += value;
            }
            row.add(total);
            rows.add(row);
        });
        return new ResultTable("province_by_ad", columns, rows);
    }
}
