package org.saddlecheck.report.results;

import org.saddlecheck.Require;

/**
 * Which slice of the catalogue a run covered: shard {@code index} of {@code count}, counted from
 * one. A run that covered the whole catalogue is shard 1 of 1.
 *
 * @param index the shard's number, 1 … count
 * @param count how many shards the catalogue was split into
 */
public record Shard(int index, int count) {

    /** The shard of a run that covered the whole catalogue. */
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        Require.positive("shard count", count);
        Require.that(index >= 1 && index <= count,
                "shard index (" + index + ") must lie between 1 and the shard count (" + count + ")");
    }

    /** Whether this run covered the whole catalogue. */
    public boolean isWhole() {
        return count == 1;
    }
}
