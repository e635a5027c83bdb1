package org.saddlecheck.report.results;

import java.util.List;
import java.util.Objects;
import org.saddlecheck.Require;

/**
 * The verdict on one claim of the catalogue, with what it says, how it was tested and the evidence.
 * Markdown fields may hold inline math between {@code $…$}.
 *
 * @param id the claim's id, also the name of its spec file
 * @param title a one-line title
 * @param section the paper's section the claim belongs to, such as "4" or "6.1"
 * @param source where in the paper the claim comes from, such as "Theorem 3 (ii)"
 * @param kind exact, asymptotic, statistical or evidence
 * @param statement the claim (markdown)
 * @param assumptions when it is asserted (markdown), or null
 * @param toleranceRationale why the tolerance is what it is (markdown), or null
 * @param test the class that checks it, or null
 * @param tags the claim's tags, such as "fast" or "deep"
 * @param status the verdict
 * @param message the error or skip reason, or a failure summary; null when there is none
 * @param tries how many tries were run
 * @param held how many held
 * @param discarded how many were discarded (outside the regime where the claim is asserted)
 * @param durationSeconds time spent on the claim
 * @param tolerance the numeric tolerance of the check, or null
 * @param worst the try closest to violating the claim, or null
 * @param coverage how often each regime was visited
 * @param counterexample the shrunk failing try, or null
 * @param evidence figures from one representative try
 */
public record ClaimResult(String id, String title, String section, String source, Kind kind,
        String statement, String assumptions, String toleranceRationale, String test,
        List<String> tags, Status status, String message, int tries, int held, int discarded,
        double durationSeconds, Double tolerance, Worst worst, List<Coverage> coverage,
        Counterexample counterexample, List<Figure> evidence) {

    public ClaimResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(status, "status");
        tags = List.copyOf(tags);
        coverage = List.copyOf(coverage);
        evidence = List.copyOf(evidence);
        Require.nonNegative("tries", tries);
        Require.nonNegative("held", held);
        Require.nonNegative("discarded", discarded);
        Require.that(held <= tries, "held (" + held + ") must not exceed tries (" + tries + ")");
        Require.that(durationSeconds >= 0 && Double.isFinite(durationSeconds),
                "claim duration (" + durationSeconds + " s) must be finite and not negative");
    }

    /** Whether some regime was visited fewer times than required. */
    public boolean coverageUnmet() {
        return coverage.stream().anyMatch(c -> !c.met());
    }
}
