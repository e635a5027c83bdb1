package org.saddlecheck.report.results;

import java.util.Locale;

/** How many tries each claim was given: the default budget, the deep one, or a custom count. */
public enum Budget {
    DEFAULT, DEEP, CUSTOM;

    /** The word used in the JSON format. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
