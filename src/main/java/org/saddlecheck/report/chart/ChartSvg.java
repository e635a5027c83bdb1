package org.saddlecheck.report.chart;

import java.awt.Rectangle;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.saddlecheck.report.results.LinesFigure;
import org.saddlecheck.report.results.ScatterFigure;
import org.saddlecheck.report.results.ValidityMap;
import org.saddlecheck.report.results.WeightsFigure;
import org.saddlecheck.report.results.WeightsPanel;

/**
 * Renders figures as inline SVG elements. Each SVG has explicit width and height and a view box
 * of the same size, so a page can scale it to its column; every id inside it starts with the
 * given prefix, so many SVGs can share one page.
 */
public final class ChartSvg {

    /** Size of curve and scatter figures, in CSS pixels. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 420;
    /** Size of one weights panel. */
    public static final int PANEL_WIDTH = 300;
    public static final int PANEL_HEIGHT = 360;
    /** Height of a validity map. */
    public static final int MAP_HEIGHT = 460;

    static {
        // JFreeChart draws rotated labels (the y axis title) as glyph outlines unless told not to;
        // as SVG text they stay selectable and small.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartSvg() {
    }

    /**
     * One SVG element with a note for its caption.
     *
     * @param svg the {@code <svg>} element
     * @param note a sentence about points not drawn, or null
     */
    public record Rendered(String svg, String note) {
    }

    /** A curves figure. */
    public static Rendered lines(LinesFigure f, String id) {
        return render(Charts.lines(f), WIDTH, HEIGHT, id);
    }

    /** A scatter figure. */
    public static Rendered scatter(ScatterFigure f, String id) {
        return render(Charts.scatter(f), WIDTH, HEIGHT, id);
    }

    /** One SVG per panel of a weights figure, in panel order. */
    public static List<Rendered> weights(WeightsFigure f, String id) {
        List<Rendered> out = new ArrayList<>();
        for (int p = 0; p < f.panels().size(); p++) {
            WeightsPanel panel = f.panels().get(p);
            out.add(render(Charts.weights(panel, f.xLabel(), f.yLabel()), PANEL_WIDTH, PANEL_HEIGHT,
                    id + "-p" + p));
        }
        return out;
    }

    /** A validity map. */
    public static Rendered map(ValidityMap m, String id) {
        return render(Charts.map(m), WIDTH, MAP_HEIGHT, id);
    }

    static Rendered render(Charts.Built built, int width, int height, String id) {
        return new Rendered(svg(built.chart(), width, height, id), built.note());
    }

    static String svg(JFreeChart chart, int width, int height, String id) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        g2.setGeomDoubleConverter(v -> decimals(v, 2));
        g2.setTransformDoubleConverter(v -> decimals(v, 4));
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    }

    /** A coordinate with at most the given decimals and no trailing zeros, to keep SVGs small. */
    static String decimals(double v, int places) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
