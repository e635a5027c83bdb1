package org.saddlecheck.report.chart;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The outline of the regime where a claim is asserted, drawn over a validity map. Infinite or
 * out-of-view sides are clipped to the plot.
 */
final class RegimeOutline extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;

    /** The regime's bounds as plotted values; infinite bounds are open sides. */
    RegimeOutline(double xMin, double xMax, double yMin, double yMax) {
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis,
            ValueAxis rangeAxis, int rendererIndex, PlotRenderingInfo info) {
        double left = clamp(xMin, domainAxis);
        double right = clamp(xMax, domainAxis);
        double bottom = clamp(yMin, rangeAxis);
        double top = clamp(yMax, rangeAxis);
        if (left >= right || bottom >= top) {
            return;
        }
        double x0 = domainAxis.valueToJava2D(left, dataArea, RectangleEdge.BOTTOM);
        double x1 = domainAxis.valueToJava2D(right, dataArea, RectangleEdge.BOTTOM);
        double y0 = rangeAxis.valueToJava2D(bottom, dataArea, RectangleEdge.LEFT);
        double y1 = rangeAxis.valueToJava2D(top, dataArea, RectangleEdge.LEFT);
        Rectangle2D box = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1),
                Math.abs(x1 - x0), Math.abs(y1 - y0));
        g2.setPaint(ChartStyle.INK);
        g2.setStroke(new BasicStroke(3f, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        g2.draw(box.createIntersection(dataArea));
    }

    private static double clamp(double v, ValueAxis axis) {
        return Math.max(axis.getLowerBound(), Math.min(axis.getUpperBound(), v));
    }
}
