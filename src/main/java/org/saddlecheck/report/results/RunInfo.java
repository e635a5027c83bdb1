package org.saddlecheck.report.results;

import java.time.Instant;
import java.util.Objects;
import org.saddlecheck.Require;

/**
 * How a run was made: enough to reproduce it (version, seed, budget, the command) and to judge its
 * cost (start, wall-clock duration, threads).
 *
 * @param version the saddlecheck version that ran
 * @param seed the master seed from which every try's seed derives
 * @param budget which budget of tries was used
 * @param triesOverride the tries per claim given on the command line, or null
 * @param shard which slice of the catalogue this run covered
 * @param started when the run started
 * @param durationSeconds wall-clock duration of the run in seconds
 * @param threads how many worker threads ran the claims (results do not depend on it)
 * @param command the command line that reproduces this run
 */
public record RunInfo(String version, long seed, Budget budget, Integer triesOverride, Shard shard,
        Instant started, double durationSeconds, int threads, String command) {

    public RunInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(command, "command");
        Require.that(durationSeconds >= 0 && Double.isFinite(durationSeconds),
                "run duration (" + durationSeconds + " s) must be finite and not negative");
        Require.positive("thread count", threads);
        if (triesOverride != null) {
            Require.positive("tries override", triesOverride);
        }
    }
}
