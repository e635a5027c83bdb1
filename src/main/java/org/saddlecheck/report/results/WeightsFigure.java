package org.saddlecheck.report.results;

import java.util.List;
import java.util.Objects;

/**
 * First-layer weights of each unit drawn as arrows from the origin in the plane, one small panel
 * per snapshot (as in the paper's Figure 1): effective width is the number of distinct directions.
 *
 * @param title the title
 * @param xLabel the label of the first coordinate of u
 * @param yLabel the label of the second coordinate of u
 * @param panels the snapshots, in time order
 */
public record WeightsFigure(String title, String xLabel, String yLabel, List<WeightsPanel> panels)
        implements Figure {

    /** The word naming this type in the JSON format. */
    public static final String TYPE = "weights";

    /** Axis labels used when a file gives none. */
    public static final String DEFAULT_X_LABEL = "$u_{i1}$";
    /** Axis labels used when a file gives none. */
    public static final String DEFAULT_Y_LABEL = "$u_{i2}$";

    public WeightsFigure {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        panels = List.copyOf(panels);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
