package org.saddlecheck.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.VectorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.DefaultXYDataset;
import org.jfree.data.xy.VectorSeries;
import org.jfree.data.xy.VectorSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.saddlecheck.report.results.LinesFigure;
import org.saddlecheck.report.results.Reference;
import org.saddlecheck.report.results.Scale;
import org.saddlecheck.report.results.ScatterFigure;
import org.saddlecheck.report.results.Series;
import org.saddlecheck.report.results.ValidityMap;
import org.saddlecheck.report.results.WeightsPanel;
import org.saddlecheck.report.text.UnicodeMath;

/**
 * Builds the JFreeChart of each figure type. Datasets hold plotted values (log₁₀ of the data on
 * logarithmic axes, see {@link ChartStyle#plotted}). Points that an axis cannot show (non-finite values,
 * or values not above zero on a logarithmic axis) are left out and counted; the count comes back
 * as a note for the caption. Curves longer than {@link #MAX_POINTS} points are thinned by keeping,
 * in each of {@code MAX_POINTS / 4} runs of consecutive points, the first, last, lowest and highest,
 * which keeps every spike and plateau visible at screen resolution.
 */
final class Charts {

    /** The most points a curve keeps before it is thinned. */
    static final int MAX_POINTS = 4000;

    private Charts() {
    }

    /**
     * A chart with the number of points it could not show.
     *
     * @param chart the chart
     * @param hidden how many points were left out
     */
    record Built(JFreeChart chart, int hidden) {
        /** A sentence for the caption, or null when every point is shown. */
        String note() {
            if (hidden == 0) {
                return null;
            }
            return hidden + (hidden == 1 ? " point is" : " points are") + " not drawn: not finite,"
                    + " or not above zero on a logarithmic axis.";
        }
    }

    // ---- lines -------------------------------------------------------------------------------

    static Built lines(LinesFigure f) {
        int[] hidden = {0};
        XYSeriesCollection data = new XYSeriesCollection();
        for (int s = 0; s < f.series().size(); s++) {
            data.addSeries(xySeries(s, f.series().get(s), f.xScale(), f.yScale(), true, hidden));
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        for (int s = 0; s < f.series().size(); s++) {
            renderer.setSeriesPaint(s, ChartStyle.colour(s));
            renderer.setSeriesStroke(s, ChartStyle.LINE);
        }
        NumberAxis x = ChartStyle.axis(f.xLabel(), f.xScale());
        // Curves run edge to edge along x; the y axis keeps a margin above and below.
        x.setLowerMargin(0);
        x.setUpperMargin(0);
        XYPlot plot = new XYPlot(data, x, ChartStyle.axis(f.yLabel(), f.yScale()), renderer);
        ChartStyle.plot(plot);
        for (int k = 0; k < f.vertical().size(); k++) {
            hidden[0] += reference(plot, f.vertical().get(k), k, f.xScale(), true);
        }
        for (int k = 0; k < f.horizontal().size(); k++) {
            hidden[0] += reference(plot, f.horizontal().get(k), k, f.yScale(), false);
        }
        ChartStyle.fitLogTicks(x, f.xScale());
        ChartStyle.fitLogTicks((NumberAxis) plot.getRangeAxis(), f.yScale());
        return new Built(ChartStyle.chart(null, plot, f.series().size() > 1), hidden[0]);
    }

    /** Adds one labelled reference line, widening its axis to show it; returns 1 if it cannot. */
    private static int reference(XYPlot plot, Reference r, int k, Scale scale, boolean vertical) {
        double at = ChartStyle.plotted(r.at(), scale);
        if (!Double.isFinite(at)) {
            return 1;
        }
        ValueMarker marker = new ValueMarker(at, ChartStyle.REFERENCE,
                vertical ? ChartStyle.DASHED : ChartStyle.DOTTED);
        marker.setLabel(UnicodeMath.text(r.label()));
        marker.setLabelFont(ChartStyle.NOTE);
        marker.setLabelPaint(ChartStyle.INK);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        if (vertical) {
            // Staggered in three rows so that close drop times keep readable labels.
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new RectangleInsets(4 + 17 * (k % 3), 3, 3, 3));
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        } else {
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            marker.setLabelOffset(new RectangleInsets(2, 6 + 90 * (k % 2), 2, 2));
            plot.addRangeMarker(marker, Layer.FOREGROUND);
        }
        include(vertical ? plot.getDomainAxis() : plot.getRangeAxis(), at);
        return 0;
    }

    /** Widens an axis so a plotted value lies inside it, with a small margin. */
    private static void include(ValueAxis axis, double v) {
        Range range = axis.getRange();
        if (range.contains(v)) {
            return;
        }
        double lo = Math.min(range.getLowerBound(), v);
        double hi = Math.max(range.getUpperBound(), v);
        double margin = 0.04 * (hi - lo);
        axis.setRange(lo - margin, hi + margin);
    }

    // ---- scatter -----------------------------------------------------------------------------

    static Built scatter(ScatterFigure f) {
        int[] hidden = {0};
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        int points = 0;
        for (int s = 0; s < f.series().size(); s++) {
            Series series = f.series().get(s);
            boolean fit = series.name().toLowerCase(Locale.ROOT).startsWith("fit");
            data.addSeries(xySeries(s, series, f.xScale(), f.yScale(), fit, hidden));
            renderer.setSeriesPaint(s, ChartStyle.colour(s));
            renderer.setSeriesLinesVisible(s, fit);
            renderer.setSeriesShapesVisible(s, !fit);
            renderer.setSeriesStroke(s, fit ? ChartStyle.LINE : new BasicStroke(1f));
            if (!fit) {
                renderer.setSeriesShape(s, ChartStyle.shape(points++));
                renderer.setSeriesShapesFilled(s, true);
            }
        }
        if (f.identity()) {
            int s = data.getSeriesCount();
            XYSeries identity = identity(s, data, f.xScale(), f.yScale());
            if (identity != null) {
                data.addSeries(identity);
                renderer.setSeriesPaint(s, ChartStyle.REFERENCE);
                renderer.setSeriesLinesVisible(s, true);
                renderer.setSeriesShapesVisible(s, false);
                renderer.setSeriesStroke(s, ChartStyle.DASHED);
            }
        }
        NumberAxis x = ChartStyle.axis(f.xLabel(), f.xScale());
        NumberAxis y = ChartStyle.axis(f.yLabel(), f.yScale());
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ChartStyle.fitLogTicks(x, f.xScale());
        ChartStyle.fitLogTicks(y, f.yScale());
        return new Built(ChartStyle.chart(null, plot, data.getSeriesCount() > 1), hidden[0]);
    }

    /**
     * The line y = x across the range of all shown points, sampled evenly along the x axis (a
     * curve when one axis is logarithmic and the other not). The dataset holds plotted values.
     */
    private static XYSeries identity(int index, XYSeriesCollection data, Scale xs, Scale ys) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                double x = value(data.getXValue(s, i), xs);
                double y = value(data.getYValue(s, i), ys);
                for (double v : new double[] {x, y}) {
                    boolean shown = xs == Scale.LOG || ys == Scale.LOG ? v > 0 : true;
                    if (Double.isFinite(v) && shown) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (!(lo < hi)) {
            return null;
        }
        XYSeries line = new XYSeries(new SeriesKey(index, "y = x"), false, true);
        int n = 64;
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double v = xs == Scale.LOG ? lo * Math.pow(hi / lo, t) : lo + (hi - lo) * t;
            line.add(ChartStyle.plotted(v, xs), ChartStyle.plotted(v, ys));
        }
        return line;
    }

    /** The data value of a plotted value. */
    private static double value(double plotted, Scale scale) {
        return scale == Scale.LOG ? Math.pow(10, plotted) : plotted;
    }

    // ---- weights -----------------------------------------------------------------------------

    /**
     * One snapshot: an arrow from the origin to each unit's first-layer weight u_i, coloured by
     * ‖v_i‖ from light (small) to dark (large). Both axes span the same symmetric range.
     */
    static Built weights(WeightsPanel panel, String xLabel, String yLabel) {
        VectorSeries arrows = new VectorSeries(new SeriesKey(0, "u"));
        double reach = 0;
        double vMax = 0;
        int hidden = 0;
        List<Double> shownV = new ArrayList<>();
        for (int i = 0; i < panel.u().size(); i++) {
            WeightsPanel.Point u = panel.u().get(i);
            double v = panel.v().get(i);
            if (!Double.isFinite(u.x()) || !Double.isFinite(u.y()) || !Double.isFinite(v)) {
                hidden++;
                continue;
            }
            arrows.add(0, 0, u.x(), u.y());
            shownV.add(v);
            reach = Math.max(reach, Math.max(Math.abs(u.x()), Math.abs(u.y())));
            vMax = Math.max(vMax, Math.abs(v));
        }
        double r = reach > 0 ? reach * 1.12 : 1;
        double top = vMax > 0 ? vMax : 1;
        VectorRenderer renderer = new VectorRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int series, int item) {
                return Shades.blue(Math.abs(shownV.get(item)) / top);
            }
        };
        renderer.setDefaultStroke(new BasicStroke(1.6f));
        renderer.setAutoPopulateSeriesStroke(false);
        VectorSeriesCollection data = new VectorSeriesCollection();
        data.addSeries(arrows);
        NumberAxis x = ChartStyle.axis(xLabel, Scale.LINEAR);
        NumberAxis y = ChartStyle.axis(yLabel, Scale.LINEAR);
        x.setRange(-r, r);
        y.setRange(-r, r);
        ChartStyle.symmetricTicks(x, r);
        ChartStyle.symmetricTicks(y, r);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        ChartStyle.plot(plot);
        plot.setDomainZeroBaselineVisible(true);
        plot.setRangeZeroBaselineVisible(true);
        plot.setDomainZeroBaselinePaint(ChartStyle.REFERENCE);
        plot.setRangeZeroBaselinePaint(ChartStyle.REFERENCE);
        JFreeChart chart = ChartStyle.chart(panel.label(), plot, false);
        chart.getTitle().setFont(ChartStyle.LABEL.deriveFont(Font.BOLD));
        chart.addSubtitle(normLegend(top));
        return new Built(chart, hidden);
    }

    /** A colour bar for ‖v_i‖ from 0 to its largest value. */
    private static PaintScaleLegend normLegend(double top) {
        LookupPaintScale scale = new LookupPaintScale(0, top, Shades.blue(0));
        int steps = 24;
        for (int k = 0; k < steps; k++) {
            scale.add(top * k / steps, Shades.blue((double) k / (steps - 1)));
        }
        NumberAxis axis = ChartStyle.axis("‖vᵢ‖", Scale.LINEAR);
        axis.setRange(0, top);
        axis.setLabelFont(ChartStyle.NOTE);
        axis.setTickLabelFont(ChartStyle.NOTE.deriveFont(10f));
        PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setStripWidth(8);
        legend.setMargin(new RectangleInsets(6, 30, 0, 30));
        legend.setBackgroundPaint(Color.WHITE);
        legend.setStripOutlineVisible(false);
        return legend;
    }

    // ---- validity map ------------------------------------------------------------------------

    /** Held and failed cells over the map's grid, with the asserted regime outlined. */
    static Built map(ValidityMap m) {
        int nx = m.x().size();
        int ny = m.y().size();
        double[][] points = new double[2][nx * ny];
        boolean[] held = new boolean[nx * ny];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int item = j * nx + i;
                points[0][item] = ChartStyle.plotted(m.x().get(i), m.xScale());
                points[1][item] = ChartStyle.plotted(m.y().get(j), m.yScale());
                held[item] = m.held(i, j);
            }
        }
        DefaultXYDataset data = new DefaultXYDataset();
        data.addSeries(new SeriesKey(0, "cells"), points);
        double[] xEdges = edges(m.x(), m.xScale());
        double[] yEdges = edges(m.y(), m.yScale());
        NumberAxis x = ChartStyle.axis(m.xLabel(), m.xScale());
        NumberAxis y = ChartStyle.axis(m.yLabel(), m.yScale());
        x.setRange(xEdges[0], xEdges[nx]);
        y.setRange(yEdges[0], yEdges[ny]);
        ChartStyle.fitLogTicks(x, m.xScale());
        ChartStyle.fitLogTicks(y, m.yScale());
        XYPlot plot = new XYPlot(data, x, y, new CellRenderer(xEdges, yEdges, held));
        plot.addAnnotation(new RegimeOutline(
                ChartStyle.plotted(m.regime().xMin(), m.xScale()),
                ChartStyle.plotted(m.regime().xMax(), m.xScale()),
                ChartStyle.plotted(m.regime().yMin(), m.yScale()),
                ChartStyle.plotted(m.regime().yMax(), m.yScale())));
        LegendItemCollection legend = new LegendItemCollection();
        Rectangle2D square = new Rectangle2D.Double(-6, -6, 12, 12);
        legend.add(new LegendItem("held", null, null, null, square, ChartStyle.HELD));
        legend.add(new LegendItem("failed (×)", null, null, null, square, ChartStyle.FAILED));
        LegendItem regime = new LegendItem("asserted regime", null, null, null, square,
                new BasicStroke(2.5f), ChartStyle.INK);
        legend.add(regime);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = ChartStyle.chart(null, plot, true);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return new Built(chart, 0);
    }

    /**
     * Cell boundaries of a grid, in plotted values: half-way between neighbours (so geometrically
     * on a logarithmic axis), and half a step beyond the first and last values.
     */
    static double[] edges(List<Double> values, Scale scale) {
        int n = values.size();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = ChartStyle.plotted(values.get(i), scale);
        }
        double[] e = new double[n + 1];
        if (n == 1) {
            double half = scale == Scale.LOG ? 0.5 : Math.max(0.5, Math.abs(v[0]) * 0.1);
            e[0] = v[0] - half;
            e[1] = v[0] + half;
            return e;
        }
        for (int i = 1; i < n; i++) {
            e[i] = (v[i - 1] + v[i]) / 2;
        }
        e[0] = v[0] - (v[1] - v[0]) / 2;
        e[n] = v[n - 1] + (v[n - 1] - v[n - 2]) / 2;
        return e;
    }

    // ---- shared ------------------------------------------------------------------------------

    /**
     * A chart series of the points an axis can show. On a curve a hidden point becomes a gap
     * (NaN), so the line breaks there instead of bridging it.
     */
    private static XYSeries xySeries(int index, Series s, Scale xs, Scale ys, boolean curve,
            int[] hidden) {
        XYSeries out = new XYSeries(new SeriesKey(index, UnicodeMath.text(s.name())), false, true);
        for (int i : Thinning.keep(s.y(), MAX_POINTS)) {
            double x = ChartStyle.plotted(s.x().get(i), xs);
            double y = ChartStyle.plotted(s.y().get(i), ys);
            boolean xOk = Double.isFinite(x);
            boolean yOk = Double.isFinite(y);
            if (!xOk || !yOk) {
                hidden[0]++;
                if (curve && xOk) {
                    out.add(x, Double.NaN);
                }
                continue;
            }
            out.add(x, y);
        }
        return out;
    }
}
