package org.saddlecheck.report.results;

import java.util.Objects;
import org.saddlecheck.Require;

/**
 * A labelled reference line across a figure: a predicted drop time (vertical) or a predicted
 * plateau level (horizontal).
 *
 * @param at where the line crosses its axis
 * @param label what it marks; may hold inline math
 */
public record Reference(double at, String label) {

    public Reference {
        Objects.requireNonNull(label, "reference label");
        Require.finite("position of reference line \"" + label + "\"", at);
    }
}
