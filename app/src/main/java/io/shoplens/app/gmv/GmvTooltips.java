package io.shoplens.app.gmv;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.time.Day;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.gmv.GmvCharts;
import io.shoplens.engine.gmv.GmvFormats;
import io.shoplens.engine.gmv.GmvTotals;
import io.shoplens.engine.gmv.Lmdi;
import io.shoplens.engine.gmv.Waterfall;

/**
 * What the explorer adds to the engine's GMV charts ({@link GmvCharts}) on screen: tooltips with
 * the identity GMV = sessions × conversion × AOV in numbers, effects signed, in the user's locale.
 */
public final class GmvTooltips {

    private final Messages messages;
    private final GmvFormats formats;

    public GmvTooltips(Messages messages) {
        this.messages = messages;
        this.formats = new GmvFormats(messages.locale());
    }

    /** On every point of {@link GmvCharts#trend}: the day's identity. */
    public JFreeChart trend(JFreeChart chart, Map<LocalDate, GmvTotals> daily) {
        List<LocalDate> dates = new ArrayList<>(daily.keySet());
        for (Object plot : ((CombinedDomainXYPlot) chart.getPlot()).getSubplots()) {
            ((XYPlot) plot).getRenderer().setDefaultToolTipGenerator((data, s, item) ->
                    identity(dates.get(item), daily.get(dates.get(item))));
        }
        return chart;
    }

    /** The identity on one day: "2019-07-17: GMV ¥84,786.00 = 204 sessions × 29.90% × ¥1,389.93". */
    public String identity(LocalDate date, GmvTotals t) {
        return messages.get("gmv.identity", date.toString(), formats.money(t.gmv()), formats.count(t.sessions()),
                rate(t), aov(t));
    }

    /** On every bar of {@link GmvCharts#breakdown}: the value's identity. */
    public JFreeChart breakdown(JFreeChart chart, Map<String, GmvTotals> values) {
        for (Object plot : ((CombinedDomainCategoryPlot) chart.getPlot()).getSubplots()) {
            ((CategoryPlot) plot).getRenderer().setDefaultToolTipGenerator((dataset, row, column) -> {
                String v = (String) dataset.getColumnKey(column);
                GmvTotals t = values.get(v);
                return v + ": " + messages.get("gmv.identityShort", formats.money(t.gmv()),
                        formats.count(t.sessions()), rate(t), aov(t));
            });
        }
        return chart;
    }

    /** On the visible bars of {@link GmvCharts#waterfall}: a total in money, an effect signed. */
    public JFreeChart waterfall(JFreeChart chart, Lmdi.BridgeRow row) {
        List<Waterfall.Bar> bars = Waterfall.of(row).bars();
        chart.getCategoryPlot().getRenderer().setDefaultToolTipGenerator((dataset, r, c) -> {
            if (r == 0) {
                return null;
            }
            return dataset.getColumnKey(c) + ": " + formats.bar(bars.get(c));
        });
        return chart;
    }

    /** On {@link GmvCharts#paidFree}: the side, the day and its GMV. */
    public JFreeChart paidFree(JFreeChart chart) {
        chart.getXYPlot().getRenderer().setDefaultToolTipGenerator((dataset, s, item) -> dataset.getSeriesKey(s)
                + ", " + new Day(new java.util.Date(dataset.getX(s, item).longValue())) + ": "
                + formats.money(dataset.getYValue(s, item)));
        return chart;
    }

    /** On {@link GmvCharts#sideEffects}: the side, the effect and its amount, signed. */
    public JFreeChart sideEffects(JFreeChart chart) {
        chart.getCategoryPlot().getRenderer().setDefaultToolTipGenerator((dataset, r, c) -> dataset.getRowKey(r)
                + ", " + dataset.getColumnKey(c) + ": " + formats.signedMoney(dataset.getValue(r, c).doubleValue()));
        return chart;
    }

    private String rate(GmvTotals t) {
        return t.conversion() == null ? "–" : formats.rate(t.conversion());
    }

    private String aov(GmvTotals t) {
        return t.aov() == null ? "–" : formats.money(t.aov());
    }
}
