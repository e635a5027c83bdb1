package org.saddlecheck.claim;

import org.saddlecheck.Require;

/**
 * What one check of a claim on one trial found: whether it held, the measured and predicted
 * numbers with the tolerance between them, and one sentence saying so in words.
 *
 * <p>{@code usage} is the share of the allowance the trial used: at most 1 when the claim held,
 * above 1 when it did not. The search reports the trial with the largest usage as the worst.
 *
 * @param verdict held, violated or discarded
 * @param measured the measured number
 * @param predicted the predicted number (for a bound, the bound)
 * @param tolerance the allowed |measured − predicted|, or NaN when the check is a one-sided bound
 * @param usage the share of the allowance used (see above)
 * @param description one sentence describing what was found, in words
 */
public record Outcome(
        Verdict verdict,
        double measured,
        double predicted,
        double tolerance,
        double usage,
        String description) {

    /** The verdict of one check. */
    public enum Verdict {
        /** The claim held on the trial. */
        HELD,
        /** The claim did not hold on the trial. */
        VIOLATED,
        /** The trial does not meet the claim's preconditions; it says nothing either way. */
        DISCARDED,
        /** The check threw: the trial could not be judged. */
        ERROR
    }

    /**
     * Holds when |measured − predicted| ≤ tolerance (a NaN measurement never holds). A zero
     * tolerance asks for exact equality.
     */
    public static Outcome within(double measured, double predicted, double tolerance,
            String description) {
        Require.that(tolerance >= 0, "tolerance (" + tolerance + ") must not be negative");
        double deviation = Math.abs(measured - predicted);
        boolean held = deviation <= tolerance;
        double usage = tolerance > 0 ? deviation / tolerance : held ? 0 : Double.POSITIVE_INFINITY;
        return new Outcome(held ? Verdict.HELD : Verdict.VIOLATED, measured, predicted, tolerance,
                Double.isNaN(usage) ? Double.POSITIVE_INFINITY : usage, description);
    }

    /** Holds when measured ≥ bound, a positive lower bound. */
    public static Outcome atLeast(double measured, double bound, String description) {
        Require.positive("lower bound", bound);
        boolean held = measured >= bound;
        double usage = measured > 0 ? bound / measured : Double.POSITIVE_INFINITY;
        return new Outcome(held ? Verdict.HELD : Verdict.VIOLATED, measured, bound, Double.NaN,
                usage, description);
    }

    /** Holds when measured ≤ bound, a positive upper bound. */
    public static Outcome atMost(double measured, double bound, String description) {
        Require.positive("upper bound", bound);
        boolean held = measured <= bound;
        double usage = Double.isNaN(measured) ? Double.POSITIVE_INFINITY : measured / bound;
        return new Outcome(held ? Verdict.HELD : Verdict.VIOLATED, measured, bound, Double.NaN,
                usage, description);
    }

    /** The trial does not meet the claim's preconditions, for the reason given. */
    public static Outcome discard(String reason) {
        return new Outcome(Verdict.DISCARDED, Double.NaN, Double.NaN, Double.NaN, 0, reason);
    }

    /** The check threw; {@code message} says what. */
    static Outcome error(String message) {
        return new Outcome(Verdict.ERROR, Double.NaN, Double.NaN, Double.NaN,
                Double.POSITIVE_INFINITY, message);
    }

    /** Whether the claim held. */
    public boolean held() {
        return verdict == Verdict.HELD;
    }

    /** Whether the trial counts against the claim: violated, or the check threw. */
    public boolean bad() {
        return verdict == Verdict.VIOLATED || verdict == Verdict.ERROR;
    }
}
