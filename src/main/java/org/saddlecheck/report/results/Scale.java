package org.saddlecheck.report.results;

import java.util.Locale;

/** How a figure's axis maps values to positions. */
public enum Scale {
    LINEAR, LOG;

    /** The word used in the JSON format. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
