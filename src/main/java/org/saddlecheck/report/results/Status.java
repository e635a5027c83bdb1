package org.saddlecheck.report.results;

import java.util.Locale;

/**
 * The verdict on one claim: it held on every try, a try violated it (with a counterexample), the
 * check itself could not be carried out, or it was not run.
 */
public enum Status {
    HELD, FAILED, ERROR, SKIPPED;

    /** The word used in the JSON format and on the page. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
