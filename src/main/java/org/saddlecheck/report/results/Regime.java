package org.saddlecheck.report.results;

import org.saddlecheck.Require;

/**
 * The rectangle of a validity map's plane where its claim is asserted; a side may be infinite.
 *
 * @param xMin smallest x of the regime
 * @param xMax largest x
 * @param yMin smallest y
 * @param yMax largest y
 */
public record Regime(double xMin, double xMax, double yMin, double yMax) {

    public Regime {
        Require.that(!Double.isNaN(xMin) && !Double.isNaN(xMax) && xMin <= xMax,
                "regime x range [" + xMin + ", " + xMax + "] must be ordered");
        Require.that(!Double.isNaN(yMin) && !Double.isNaN(yMax) && yMin <= yMax,
                "regime y range [" + yMin + ", " + yMax + "] must be ordered");
    }

    /** Whether the point (x, y) lies in the regime, sides included. */
    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }
}
