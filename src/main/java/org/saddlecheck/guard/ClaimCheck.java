package org.saddlecheck.guard;

/**
 * One claim judged on a run.
 *
 * @param claim a short name ({@code initial-loss}, {@code stage-count}, …)
 * @param status whether it held, was violated or could not be judged from the run's columns
 * @param expected the expected value, as text
 * @param measured the run's value, as text
 * @param message one sentence: what was compared, with the tolerance, and what a failure points at
 */
public record ClaimCheck(String claim, Status status, String expected, String measured,
        String message) {

    /** The outcome of one claim. */
    public enum Status {
        /** Within tolerance. */
        HOLDS,
        /** Outside tolerance. */
        VIOLATED,
        /** The run's columns do not allow this claim to be judged. */
        NOT_JUDGED
    }
}
