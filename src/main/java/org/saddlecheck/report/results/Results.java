package org.saddlecheck.report.results;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.saddlecheck.Require;

/**
 * Everything one run (or one shard of a run) found: how it ran, one verdict per claim in catalogue
 * order, and the validity maps. This is the content of a {@code results.json} file.
 *
 * @param run how the run was made
 * @param claims one result per claim, in catalogue order; ids are distinct
 * @param maps validity maps, each naming one of the claims
 */
public record Results(RunInfo run, List<ClaimResult> claims, List<ValidityMap> maps) {

    /** The value of the {@code format} field of results files this version reads and writes. */
    public static final String FORMAT = "saddlecheck-results/1";

    public Results {
        Objects.requireNonNull(run, "run");
        claims = List.copyOf(claims);
        maps = List.copyOf(maps);
        Set<String> ids = new HashSet<>();
        for (ClaimResult c : claims) {
            Require.that(ids.add(c.id()), "claim id \"" + c.id() + "\" appears twice");
        }
        for (ValidityMap m : maps) {
            Require.that(ids.contains(m.claim()), "validity map \"" + m.title()
                    + "\" names claim \"" + m.claim() + "\", which is not among the results");
        }
    }

    /** How many claims ended with each status; every status is present, possibly with zero. */
    public Map<Status, Integer> counts() {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        for (ClaimResult c : claims) {
            counts.merge(c.status(), 1, Integer::sum);
        }
        return counts;
    }

    /** The validity maps of one claim, in file order. */
    public List<ValidityMap> mapsOf(String claimId) {
        return maps.stream().filter(m -> m.claim().equals(claimId)).toList();
    }
}
