package io.shoplens.engine.ads;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jfree.data.category.DefaultCategoryDataset;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.charts.ChartText;
import io.shoplens.engine.charts.Datasets;

/**
 * The top-3 ads chart of a top_ads table (date, province, rank, ad_id, clicks): a province per
 * category, a series per rank, for one day. Shared by the ads view, the live view and reports.
 */
public final class TopAds {

    private TopAds() {
    }

    /** The days of the table, oldest first. */
    public static List<LocalDate> days(ResultTable top) {
        int date = top.columnIndex("date");
        return top.rows().stream().map(r -> r.get(date)).filter(Objects::nonNull).map(TopAds::day)
                .distinct().sorted().toList();
    }

    /** The latest day of the table, or null when it is empty. */
    public static LocalDate latestDay(ResultTable top) {
        List<LocalDate> days = days(top);
        return days.isEmpty() ? null : days.get(days.size() - 1);
    }

    /** The provinces of the table, sorted. */
    public static List<String> provinces(ResultTable top) {
        int province = top.columnIndex("province");
        return top.rows().stream().map(r -> String.valueOf(r.get(province))).distinct().sorted().toList();
    }

    /** The rows of {@code day} (all when null) and {@code province} (all when null), as a table of the same columns. */
    public static ResultTable on(ResultTable top, LocalDate day, String province) {
        int date = top.columnIndex("date");
        int place = top.columnIndex("province");
        return new ResultTable(top.name(), top.columns(), top.rows().stream()
                .filter(r -> day == null || (r.get(date) != null && day.equals(day(r.get(date)))))
                .filter(r -> province == null || province.equals(String.valueOf(r.get(place))))
                .toList());
    }

    /** Provinces as categories, ranks ("#1".."#3") as series. */
    public static DefaultCategoryDataset dataset(ResultTable shown, ChartText words) {
        return Datasets.pivot(shown.rows(), shown, "province", "rank", "clicks", words::rank);
    }

    private static LocalDate day(Object value) {
        return value instanceof LocalDate d ? d : LocalDate.parse(value.toString());
    }
}
