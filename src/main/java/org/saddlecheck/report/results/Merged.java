package org.saddlecheck.report.results;

import java.util.List;
import java.util.Objects;

/**
 * Results reassembled from the shards of one run, with each shard's own run record kept for the
 * report's account of how the run was split.
 *
 * @param results the reassembled results, as one unsharded run would have written them
 * @param shards the run records of the shards, ordered by shard index (one entry when the run was
 *     not sharded)
 * @param sources where each shard was read from, in the same order
 */
public record Merged(Results results, List<RunInfo> shards, List<String> sources) {

    public Merged {
        Objects.requireNonNull(results, "results");
        shards = List.copyOf(shards);
        sources = List.copyOf(sources);
    }

    /** Results of an unsharded run, from the given source. */
    public static Merged single(Results results, String source) {
        return new Merged(results, List.of(results.run()), List.of(source));
    }
}
