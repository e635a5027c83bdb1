package org.saddlecheck.report.results;

import java.util.List;
import java.util.Objects;
import org.saddlecheck.Require;

/**
 * One named sequence of points (x[i], y[i]); values may be non-finite (a run that diverged).
 *
 * @param name the name shown in the legend
 * @param x the abscissae
 * @param y the ordinates, as many as abscissae
 */
public record Series(String name, List<Double> x, List<Double> y) {

    public Series {
        Objects.requireNonNull(name, "series name");
        x = List.copyOf(x);
        y = List.copyOf(y);
        Require.that(x.size() == y.size(), "series \"" + name + "\" has " + x.size()
                + " x values but " + y.size() + " y values");
    }

    /** How many points the series has. */
    public int size() {
        return x.size();
    }
}
