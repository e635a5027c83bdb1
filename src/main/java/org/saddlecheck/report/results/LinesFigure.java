package org.saddlecheck.report.results;

import java.util.List;
import java.util.Objects;

/**
 * Curves over a shared x axis, such as the loss against time, with labelled reference lines at
 * predicted drop times (vertical) and predicted plateau levels (horizontal).
 *
 * @param title the title
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param xScale linear or logarithmic x axis
 * @param yScale linear or logarithmic y axis
 * @param series the curves, one legend entry each
 * @param vertical vertical reference lines at x positions
 * @param horizontal horizontal reference lines at y positions
 */
public record LinesFigure(String title, String xLabel, String yLabel, Scale xScale, Scale yScale,
        List<Series> series, List<Reference> vertical, List<Reference> horizontal) implements Figure {

    /** The word naming this type in the JSON format. */
    public static final String TYPE = "lines";

    public LinesFigure {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        Objects.requireNonNull(xScale, "xScale");
        Objects.requireNonNull(yScale, "yScale");
        series = List.copyOf(series);
        vertical = List.copyOf(vertical);
        horizontal = List.copyOf(horizontal);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
