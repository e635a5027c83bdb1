package org.saddlecheck.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

/**
 * Draws the cells of a validity map. Unlike a block renderer of fixed block size, each cell spans
 * from the boundary with its left neighbour to the boundary with its right one, so cells tile the
 * plane on logarithmic axes and on uneven grids. The dataset holds one item per cell, row by row
 * (item = j · columns + i), with y value 1 where the claim held and 0 where it failed; failed
 * cells also carry a cross, so the map reads without colour.
 */
final class CellRenderer extends AbstractXYItemRenderer {
    private static final long serialVersionUID = 1L;

    private final double[] xEdges;
    private final double[] yEdges;
    private final boolean[] held;

    /**
     * @param xEdges the cell boundaries along x, one more than there are columns
     * @param yEdges the cell boundaries along y, one more than there are rows
     * @param held whether the claim held in each cell, row by row
     */
    CellRenderer(double[] xEdges, double[] yEdges, boolean[] held) {
        this.xEdges = xEdges.clone();
        this.yEdges = yEdges.clone();
        this.held = held.clone();
    }

    @Override
    public Range findDomainBounds(XYDataset dataset) {
        return new Range(xEdges[0], xEdges[xEdges.length - 1]);
    }

    @Override
    public Range findRangeBounds(XYDataset dataset) {
        return new Range(yEdges[0], yEdges[yEdges.length - 1]);
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea,
            PlotRenderingInfo info, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
            XYDataset dataset, int series, int item, CrosshairState crosshairState, int pass) {
        int columns = xEdges.length - 1;
        int i = item % columns;
        int j = item / columns;
        double x0 = domainAxis.valueToJava2D(xEdges[i], dataArea, RectangleEdge.BOTTOM);
        double x1 = domainAxis.valueToJava2D(xEdges[i + 1], dataArea, RectangleEdge.BOTTOM);
        double y0 = rangeAxis.valueToJava2D(yEdges[j], dataArea, RectangleEdge.LEFT);
        double y1 = rangeAxis.valueToJava2D(yEdges[j + 1], dataArea, RectangleEdge.LEFT);
        Rectangle2D cell = new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1),
                Math.abs(x1 - x0), Math.abs(y1 - y0));
        g2.setPaint(held[item] ? ChartStyle.HELD : ChartStyle.FAILED);
        g2.fill(cell);
        g2.setPaint(Color.WHITE);
        g2.setStroke(new BasicStroke(0.8f));
        g2.draw(cell);
        if (!held[item] && cell.getWidth() >= 12 && cell.getHeight() >= 12) {
            float size = (float) Math.min(14, 0.7 * Math.min(cell.getWidth(), cell.getHeight()));
            g2.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(size)));
            float w = (float) g2.getFontMetrics().stringWidth("×");
            g2.drawString("×", (float) cell.getCenterX() - w / 2,
                    (float) cell.getCenterY() + size * 0.35f);
        }
    }
}
