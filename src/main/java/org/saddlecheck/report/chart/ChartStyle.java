package org.saddlecheck.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.saddlecheck.report.results.Scale;
import org.saddlecheck.report.text.UnicodeMath;

/** The one look of every chart: white ground, light grid, legible fonts, a safe palette. */
final class ChartStyle {
    private ChartStyle() {
    }

    /** Okabe and Ito's colour-blind-safe palette, yellow left out (too faint on white). */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};
    static final Color HELD = new Color(0x56B4E9);
    static final Color FAILED = new Color(0xD55E00);
    static final Color INK = new Color(0x222222);
    static final Color REFERENCE = new Color(0x555555);
    static final Color GRID = new Color(0xE3E3E3);

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static final Stroke LINE = new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final Stroke DASHED = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {6f, 4f}, 0f);
    static final Stroke DOTTED = new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
            10f, new float[] {1.5f, 4f}, 0f);

    static Paint colour(int series) {
        return PALETTE[series % PALETTE.length];
    }

    /** Marker shapes that differ by more than colour: circle, square, triangle, diamond. */
    static Shape shape(int series) {
        double r = 4.0;
        switch (series % 4) {
            case 0:
                return new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case 1:
                return new Rectangle2D.Double(-r * 0.9, -r * 0.9, 1.8 * r, 1.8 * r);
            case 2:
                return polygon(0, -r * 1.2, r * 1.1, r * 0.8, -r * 1.1, r * 0.8);
            default:
                return polygon(0, -r * 1.25, r * 1.1, 0, 0, r * 1.25, -r * 1.1, 0);
        }
    }

    private static Shape polygon(double... xy) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }

    /**
     * An axis of the given scale, labelled with the label's math as Unicode. A logarithmic axis
     * is a linear axis over log₁₀ of the values (see {@link #plotted}), ticked at whole powers of
     * ten; drawn this way every label stays SVG text.
     */
    static NumberAxis axis(String label, Scale scale) {
        NumberAxis axis = new NumberAxis(UnicodeMath.text(label));
        axis.setAutoRangeIncludesZero(false);
        axis.setAutoRangeStickyZero(false);
        axis.setNumberFormatOverride(new TickFormat(scale == Scale.LOG));
        if (scale == Scale.LOG) {
            TickUnits decades = new TickUnits();
            for (double step : new double[] {1, 2, 3, 5, 10, 20, 50, 100}) {
                decades.add(new NumberTickUnit(step));
            }
            axis.setStandardTickUnits(decades);
        }
        axis.setLabelFont(LABEL);
        axis.setLabelPaint(INK);
        axis.setTickLabelFont(TICK);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(REFERENCE);
        axis.setTickMarkPaint(REFERENCE);
        return axis;
    }

    /**
     * Lets a logarithmic axis that spans less than about a decade and a half tick between powers
     * of ten (each tick then shows the value it stands for, such as 0.002), since ticks at whole
     * powers alone would leave it with one label or none. Call once the axis range is final.
     */
    static void fitLogTicks(NumberAxis axis, Scale scale) {
        if (scale == Scale.LOG && axis.getRange().getLength() < 1.5) {
            axis.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        }
    }

    /**
     * Where a value sits along an axis of the given scale: itself, or log₁₀ of it on a logarithmic
     * axis (−∞ for values not above zero, which such an axis cannot show).
     */
    static double plotted(double value, Scale scale) {
        if (scale != Scale.LOG) {
            return value;
        }
        return value > 0 ? Math.log10(value) : Double.NEGATIVE_INFINITY;
    }

    /**
     * Ticks at the smallest round step (1, 2, 2.5 or 5 times a power of ten) of at least half of
     * {@code reach}, so a small panel spanning ±reach gets two or three ticks a side.
     */
    static void symmetricTicks(NumberAxis axis, double reach) {
        double raw = reach / 2;
        double decade = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * decade;
        for (double m : new double[] {5, 2.5, 2, 1}) {
            if (m * decade >= raw) {
                step = m * decade;
            }
        }
        axis.setTickUnit(new NumberTickUnit(step, new TickFormat(false)));
    }

    /** White ground, light solid grid, no outline. */
    static void plot(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setOutlineVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    }

    /** A chart around a plot, with an optional title and a legend below when asked. */
    static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        plot(plot);
        JFreeChart chart = new JFreeChart(title == null ? null : UnicodeMath.text(title), TITLE, plot,
                legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 14));
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(INK);
        }
        LegendTitle l = chart.getLegend();
        if (l != null) {
            l.setItemFont(LEGEND);
            l.setItemPaint(INK);
            l.setFrame(BlockBorder.NONE);
            l.setBackgroundPaint(Color.WHITE);
            l.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }
}
