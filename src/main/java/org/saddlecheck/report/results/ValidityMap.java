package org.saddlecheck.report.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.saddlecheck.Require;

/**
 * Where a claim holds over a grid of two parameters: {@code held(j, i)} says whether it held at
 * (x[i], y[j]). The regime is where the claim is asserted; outside it a failure is information,
 * not a violation.
 *
 * @param claim the id of the claim swept
 * @param title the title
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param xScale linear or logarithmic x axis
 * @param yScale linear or logarithmic y axis
 * @param x the grid's x values, increasing
 * @param y the grid's y values, increasing
 * @param held whether the claim held, one row per y value, one entry per x value
 * @param value the measured error at each cell (NaN where none), or null when not recorded
 * @param regime where the claim is asserted
 */
public record ValidityMap(String claim, String title, String xLabel, String yLabel, Scale xScale,
        Scale yScale, List<Double> x, List<Double> y, List<List<Boolean>> held,
        List<List<Double>> value, Regime regime) {

    public ValidityMap {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        Objects.requireNonNull(xScale, "xScale");
        Objects.requireNonNull(yScale, "yScale");
        Objects.requireNonNull(regime, "regime");
        x = List.copyOf(x);
        y = List.copyOf(y);
        increasing("x", x, xScale);
        increasing("y", y, yScale);
        held = grid("held", held, x.size(), y.size());
        value = value == null ? null : grid("value", value, x.size(), y.size());
    }

    /** Whether the claim held at (x[i], y[j]). */
    public boolean held(int i, int j) {
        return held.get(j).get(i);
    }

    private static void increasing(String axis, List<Double> values, Scale scale) {
        Require.that(!values.isEmpty(), "the map's " + axis + " grid must not be empty");
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            Require.finite(axis + "[" + i + "]", v);
            Require.that(scale != Scale.LOG || v > 0, axis + "[" + i + "] (" + v
                    + ") must be positive on a logarithmic axis");
            Require.that(i == 0 || v > values.get(i - 1), axis + "[" + i + "] (" + v
                    + ") must be larger than " + axis + "[" + (i - 1) + "]");
        }
    }

    private static <T> List<List<T>> grid(String role, List<List<T>> rows, int columns, int count) {
        Require.that(rows.size() == count, role + " has " + rows.size() + " rows but y has "
                + count + " values");
        List<List<T>> copy = new ArrayList<>();
        for (int j = 0; j < rows.size(); j++) {
            Require.that(rows.get(j).size() == columns, role + "[" + j + "] has "
                    + rows.get(j).size() + " entries but x has " + columns + " values");
            copy.add(List.copyOf(rows.get(j)));
        }
        return Collections.unmodifiableList(copy);
    }
}
