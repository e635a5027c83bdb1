package org.saddlecheck.guard;

import java.util.List;

/**
 * The verdict on one run.
 *
 * @param verdict all claims held, one was violated, or the run diverged
 * @param summary one sentence for the top of the report
 * @param claims the claims in the order checked
 * @param conventions differences of convention recognised in the run (may be empty)
 * @param reference what the run was compared with ("gradient flow" or "gradient descent, η = …")
 * @param run the run's loss curve in the paper's time (null for a diverged run)
 * @param golden the reference run's loss curve (null for a diverged run)
 */
public record CheckResult(Verdict verdict, String summary, List<ClaimCheck> claims,
        List<String> conventions, String reference, Curve run, Curve golden) {

    public CheckResult {
        claims = List.copyOf(claims);
        conventions = List.copyOf(conventions);
    }

    /** The overall outcome, with the command line's exit status. */
    public enum Verdict {
        /** Every judged claim held. Exit status 0. */
        HOLDS(0),
        /** At least one claim was violated. Exit status 1. */
        VIOLATED(1),
        /** The run diverged (loss non-finite or growing): not a statement about the theory. */
        DIVERGED(1);

        private final int exitStatus;

        Verdict(int exitStatus) {
            this.exitStatus = exitStatus;
        }

        /** The command line's exit status for this verdict. */
        public int exitStatus() {
            return exitStatus;
        }
    }
}
