package org.saddlecheck.report.results;

import java.util.Locale;

/**
 * What sort of statement a claim is: an exact identity (holds to round-off), an asymptotic one
 * (small initialization), a statistical one (with a stated false-alarm rate), or evidence that is
 * shown rather than judged.
 */
public enum Kind {
    EXACT, ASYMPTOTIC, STATISTICAL, EVIDENCE;

    /** The word used in the JSON format and on the page. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
