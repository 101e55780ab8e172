package io.shoplens.app.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.event.ChartChangeEvent;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Minute;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.junit.jupiter.api.Test;

import io.shoplens.engine.charts.Charts;

class DatasetUpdatesTest {

    private static TimeSeries series(String key, int... values) {
        TimeSeries series = new TimeSeries(key);
        for (int i = 0; i < values.length; i++) {
            series.add(new Minute(i, 10, 9, 9, 2019), values[i]);
        }
        return series;
    }

    private static TimeSeriesCollection collection(TimeSeries... series) {
        TimeSeriesCollection collection = new TimeSeriesCollection();
        for (TimeSeries s : series) {
            collection.addSeries(s);
        }
        return collection;
    }

    @Test
    void seriesThatStayKeepTheirPlaceGoneOnesGoNewOnesComeLast() {
        TimeSeries adOne = series("Ad 1", 1, 2);
        TimeSeriesCollection shown = collection(adOne, series("Ad 2", 5), series("Ad 3", 7));

        DatasetUpdates.replace(shown, collection(series("Ad 4", 9), series("Ad 3", 8, 8, 8), series("Ad 1", 3, 4, 5)));

        assertThat(shown.getSeries()).extracting(s -> ((TimeSeries) s).getKey())
                .containsExactly("Ad 1", "Ad 3", "Ad 4");
        assertThat(shown.getSeries(0)).isSameAs(adOne);
        assertThat(adOne.getItemCount()).isEqualTo(3);
        assertThat(adOne.getValue(2)).isEqualTo(5.0);
        assertThat(shown.getSeries("Ad 3").getItemCount()).isEqualTo(3);
    }

    @Test
    void categoryValuesAreReplacedInTheSameDataset() {
        DefaultCategoryDataset shown = new DefaultCategoryDataset();
        shown.addValue(5, "#1", "广东");
        shown.addValue(4, "#1", "北京");
        DefaultCategoryDataset fresh = new DefaultCategoryDataset();
        fresh.addValue(15, "#1", "广东");
        fresh.addValue(9, "#2", "广东");

        DatasetUpdates.replace(shown, fresh);

        assertThat(shown.getColumnKeys()).containsExactly("广东");
        assertThat(shown.getRowKeys()).containsExactly("#1", "#2");
        assertThat(shown.getValue("#2", "广东")).isEqualTo(9.0);
    }

    @Test
    void aQuietChangeRedrawsTheChartOnce() {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        JFreeChart chart = Charts.bars(null, "Clicks", data, true);
        List<ChartChangeEvent> events = new ArrayList<>();
        chart.addChangeListener(events::add);

        DatasetUpdates.quietly(chart, () -> {
            data.addValue(1, "#1", "广东");
            data.addValue(2, "#1", "北京");
            data.addValue(3, "#2", "北京");
        });

        assertThat(events).hasSize(1);
        assertThat(chart.isNotify()).isTrue();
    }
}
