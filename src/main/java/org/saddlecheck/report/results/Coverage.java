package org.saddlecheck.report.results;

import java.util.Objects;
import org.saddlecheck.Require;

/**
 * How often the tries of a claim fell in one named regime, against how often they must.
 *
 * @param regime the regime's name, such as "tied" or "well separated"
 * @param count how many tries fell in it
 * @param required how many must, for the claim's verdict to mean something
 * @param met whether the requirement was met
 */
public record Coverage(String regime, int count, int required, boolean met) {

    public Coverage {
        Objects.requireNonNull(regime, "regime");
        Require.nonNegative("coverage count of regime \"" + regime + "\"", count);
        Require.nonNegative("required coverage of regime \"" + regime + "\"", required);
    }
}
