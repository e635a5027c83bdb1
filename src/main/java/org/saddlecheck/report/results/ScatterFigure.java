package org.saddlecheck.report.results;

import java.util.List;
import java.util.Objects;

/**
 * Points, such as measured against predicted drop times, optionally with the identity line y = x.
 * A series whose name starts with "fit" is drawn as a line without markers (a fitted curve, such
 * as plateau length against ln(1/ε) or against 1/ε).
 *
 * @param title the title
 * @param xLabel the x axis label
 * @param yLabel the y axis label
 * @param xScale linear or logarithmic x axis
 * @param yScale linear or logarithmic y axis
 * @param identity whether to draw the line y = x
 * @param series the point sets, one legend entry each
 */
public record ScatterFigure(String title, String xLabel, String yLabel, Scale xScale, Scale yScale,
        boolean identity, List<Series> series) implements Figure {

    /** The word naming this type in the JSON format. */
    public static final String TYPE = "scatter";

    public ScatterFigure {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        Objects.requireNonNull(xScale, "xScale");
        Objects.requireNonNull(yScale, "yScale");
        series = List.copyOf(series);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
