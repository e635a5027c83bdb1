package org.saddlecheck.report.chart;

import java.awt.Color;

/** A sequential single-hue scale: light blue for small values to dark blue for large ones. */
final class Shades {
    private Shades() {
    }

    private static final Color LIGHT = new Color(0xB9CFE6);
    private static final Color DARK = new Color(0x08306B);

    /** The colour at a fraction in [0, 1] of the scale (clamped). */
    static Color blue(double fraction) {
        double t = Double.isFinite(fraction) ? Math.max(0, Math.min(1, fraction)) : 0;
        return new Color(mix(LIGHT.getRed(), DARK.getRed(), t),
                mix(LIGHT.getGreen(), DARK.getGreen(), t), mix(LIGHT.getBlue(), DARK.getBlue(), t));
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
