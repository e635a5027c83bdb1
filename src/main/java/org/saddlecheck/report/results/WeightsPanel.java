package org.saddlecheck.report.results;

import java.util.List;
import java.util.Objects;
import org.saddlecheck.Require;

/**
 * One snapshot of two-dimensional first-layer weights: unit i has first-layer weight u_i in the
 * plane and second-layer weight of norm ‖v_i‖.
 *
 * @param label what the snapshot shows, such as "middle plateau, t = 40"
 * @param u the first-layer weight of each unit
 * @param v the norm of each unit's second-layer weight, as many as units
 */
public record WeightsPanel(String label, List<Point> u, List<Double> v) {

    public WeightsPanel {
        Objects.requireNonNull(label, "panel label");
        u = List.copyOf(u);
        v = List.copyOf(v);
        Require.that(u.size() == v.size(), "weights panel \"" + label + "\" has " + u.size()
                + " first-layer weights u but " + v.size() + " norms v");
    }

    /**
     * A point of the plane.
     *
     * @param x first coordinate
     * @param y second coordinate
     */
    public record Point(double x, double y) {
    }
}
