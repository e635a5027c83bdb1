package org.saddlecheck.claim;

import java.time.Instant;
import java.util.List;

/**
 * The results of one run of {@code verify} (or of one shard of it), before they are written as
 * {@code results.json} ({@link ResultsJson}; format in {@code docs/results-format.md}).
 *
 * @param run how the run was made
 * @param claims one record per claim of the run, in catalogue order
 * @param maps the validity maps of the run's claims ({@link ValidityMaps})
 */
public record RunResults(Run run, List<ClaimRecord> claims, List<ValidityMap> maps) {

    /** The value of the {@code format} field of results files. */
    public static final String FORMAT = "saddlecheck-results/1";

    public RunResults {
        claims = List.copyOf(claims);
        maps = List.copyOf(maps);
    }

    /** Results without validity maps. */
    public RunResults(Run run, List<ClaimRecord> claims) {
        this(run, claims, List.of());
    }

    /**
     * How a run was made.
     *
     * @param version the program's version
     * @param seed the master seed
     * @param budget {@code default}, {@code deep} or {@code custom} (tries given explicitly)
     * @param triesOverride the tries given explicitly, or null
     * @param shardIndex K of the shard K/N, from 1
     * @param shardCount N
     * @param started when the run started
     * @param seconds how long it took
     * @param threads how many threads checked trials
     * @param command the command line that repeats the run
     */
    public record Run(String version, long seed, String budget, Integer triesOverride,
            int shardIndex, int shardCount, Instant started, double seconds, int threads,
            String command) {
    }

    /**
     * One claim's record.
     *
     * @param id the claim's id
     * @param spec its spec, or null when it has none (then the status is error)
     * @param test the class that defines it
     * @param status {@code held}, {@code failed}, {@code error} or {@code skipped}
     * @param message the reason for an error or a skip, the failure summary, or null
     * @param search what the search found, or null when the claim was not searched
     */
    public record ClaimRecord(String id, Spec spec, String test, String status, String message,
            SearchResult search) {

        /** Whether this record lets the run succeed: held or skipped. */
        public boolean ok() {
            return status.equals("held") || status.equals("skipped");
        }
    }

    /** Whether every claim of the run held (skipped claims aside). */
    public boolean allHeld() {
        return claims.stream().allMatch(ClaimRecord::ok);
    }
}
