package org.saddlecheck.claim;

/**
 * Progress of a search, for a live display. Called from the worker threads, so an implementation
 * must be thread-safe; it must not influence the search.
 */
public interface SearchListener {

    /** One more try of {@code claimId} finished; {@code done} of {@code total} are done. */
    void tryFinished(String claimId, int done, int total);

    /** The search of {@code claimId} found a failing try and started shrinking it. */
    default void shrinking(String claimId) {
    }

    /** A listener that ignores everything. */
    SearchListener NONE = (claimId, done, total) -> { };
}
