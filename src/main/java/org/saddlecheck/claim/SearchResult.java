package org.saddlecheck.claim;

import java.util.List;

/**
 * What the search found for one claim: the verdict, the counts of tries, the worst trial, the
 * regimes seen, and, when the claim did not hold, the shrunk counterexample.
 *
 * @param claimId the claim
 * @param status held, failed or error
 * @param message why the claim failed or erred, or null when it held
 * @param tries the tries judged (all of them, or up to and including the first failing one)
 * @param held the tries on which the claim held
 * @param discarded the tries whose trial did not meet the claim's preconditions
 * @param worst the try that used the largest share of its tolerance, or null if none was judged
 * @param coverage each required regime with its count
 * @param counterexample the shrunk failing trial, or null
 * @param evidence figures from one representative trial (the counterexample, else the worst)
 * @param seconds the wall-clock time of the search
 */
public record SearchResult(
        String claimId,
        Status status,
        String message,
        int tries,
        int held,
        int discarded,
        Worst worst,
        List<Coverage.Count> coverage,
        Counterexample counterexample,
        List<Figure> evidence,
        double seconds) {

    /** The verdict of a claim. */
    public enum Status {
        /** Held on every judged try, with coverage met. */
        HELD,
        /** A try violated it, or coverage was not met. */
        FAILED,
        /** It could not be judged: a check threw, or too many tries were discarded. */
        ERROR;

        /** The name used in the results JSON. */
        public String json() {
            return switch (this) {
                case HELD -> "held";
                case FAILED -> "failed";
                case ERROR -> "error";
            };
        }
    }

    /** The worst judged try: its index and outcome. */
    public record Worst(int tryIndex, Outcome outcome) {
    }

    /**
     * A shrunk failing trial.
     *
     * @param trial the trial
     * @param choices its choice sequence
     * @param outcome what the check found on it
     * @param shrinkSteps how many times the shrinker found a simpler failing trial
     * @param foundAtTry the index of the first failing try, which the shrinker started from
     */
    public record Counterexample(
            Trial trial, long[] choices, Outcome outcome, int shrinkSteps, int foundAtTry) {
    }

    /** Whether the claim held. */
    public boolean passed() {
        return status == Status.HELD;
    }
}
