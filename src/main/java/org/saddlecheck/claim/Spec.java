package org.saddlecheck.claim;

import java.util.List;

/**
 * The human-readable description of one claim, read from {@code theory-specs/<id>.md}: a header
 * block (id, title, section, source, kind, tags, test class, budget) and four sections, Statement,
 * Assumptions, Tolerance and Test. What readers see is what the claim reports: the results carry
 * these texts, and the claim's code holds none of them. See {@link SpecParser} for the format.
 *
 * @param id the claim's id, also the file name
 * @param title a short title
 * @param section the paper's section, for grouping
 * @param source the theorem, equation or figure of the paper the claim comes from
 * @param kind exact, asymptotic, statistical or evidence
 * @param tags {@code fast} or {@code deep}, and any further words
 * @param test the fully qualified name of the class that defines the claim
 * @param tries tries in a default run
 * @param deepTries tries in a deep run
 * @param statement the Statement section, Markdown with inline math between dollar signs
 * @param assumptions the Assumptions section: the regime in which the claim is asserted
 * @param tolerance the Tolerance section: the tolerance and its derivation
 * @param testText the Test section: how trials are generated and checked
 * @param file where the spec was read from, for messages
 */
public record Spec(
        String id,
        String title,
        String section,
        String source,
        Kind kind,
        List<String> tags,
        String test,
        int tries,
        int deepTries,
        String statement,
        String assumptions,
        String tolerance,
        String testText,
        String file) {

    /** Tries in a default run when the spec does not say. */
    public static final int DEFAULT_TRIES = 100;
    /** Tries in a deep run when the spec does not say. */
    public static final int DEFAULT_DEEP_TRIES = 1000;

    /** What kind of statement a claim is, which decides how its tolerance is read. */
    public enum Kind {
        /** A theorem or identity: holds to round-off for any data and initialization. */
        EXACT,
        /** A small-initialization limit: checked for trends and within derived tolerances. */
        ASYMPTOTIC,
        /** Holds with a stated false-alarm rate over random draws. */
        STATISTICAL,
        /** A figure of the paper reproduced; judged on its qualitative features. */
        EVIDENCE;

        /** The name used in spec files and results. */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Spec {
        tags = List.copyOf(tags);
    }

    /** Whether the claim is tagged {@code deep}: excluded from default runs and from mvn test. */
    public boolean deep() {
        return tags.contains("deep");
    }
}
