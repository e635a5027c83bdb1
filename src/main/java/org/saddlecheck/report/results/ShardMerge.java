package org.saddlecheck.report.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.saddlecheck.InvalidInputException;

/**
 * Reassembles the shards of one run into the results an unsharded run would have written.
 *
 * <p>The shards must be slices of the same run: the same version, seed, budget, tries override
 * and shard count, distinct indices, and every index from 1 to the count present. Each claim and
 * each map appears in exactly one shard.
 *
 * <p>Order: {@code verify --shard K/N} runs the claims whose position i in the catalogue (from 0)
 * has i mod N = K − 1, in catalogue order; taking the shards' next claims in turn, shard 1 first,
 * therefore restores the unsharded order exactly, whatever order the folders are given in. Maps
 * follow their claims' merged order, and keep their file order within one claim.
 *
 * <p>Run record: {@code started} is the earliest start; {@code durationSeconds} is the largest
 * shard duration, the wall-clock time of shards run side by side (the sum, the compute time, is
 * shown by the report beside it); {@code threads} is the largest thread count (results do not
 * depend on it); {@code command} is shard 1's command with its {@code --shard I/N} option
 * removed; the shard is 1 of 1. Claim durations are those of the shard that ran the claim.
 */
public final class ShardMerge {

    /** The file a run writes into its output folder. */
    public static final String RESULTS_FILE = "results.json";

    private static final Pattern SHARD_OPTION =
            Pattern.compile("\\s+--shard(?:=|\\s+)\\d+/\\d+(?=\\s|$)");

    private ShardMerge() {
    }

    /**
     * Reads {@code results.json} from each folder (or each path, if it names the file itself) and
     * reassembles the shards.
     *
     * @throws InvalidInputException when a file is missing or invalid, or the shards do not make
     *     up one run; the message names the file or the missing shard
     */
    public static Merged read(List<Path> folders) {
        if (folders.isEmpty()) {
            throw new InvalidInputException("no results folder was given");
        }
        List<Results> shards = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.exists(folder)) {
                throw new InvalidInputException(folder + " does not exist; give a results folder"
                        + " (or its " + RESULTS_FILE + ")");
            }
            Path file = Files.isDirectory(folder) ? folder.resolve(RESULTS_FILE) : folder;
            if (Files.isDirectory(folder) && !Files.exists(file)) {
                throw new InvalidInputException("folder " + folder + " holds no " + RESULTS_FILE);
            }
            shards.add(ResultsJson.read(file));
            sources.add(file.toString());
        }
        return merge(shards, sources);
    }

    /**
     * Reassembles shards read from the given sources (names used in messages).
     *
     * @throws InvalidInputException when the shards are not the complete slices of one run
     */
    public static Merged merge(List<Results> shards, List<String> sources) {
        if (shards.isEmpty() || shards.size() != sources.size()) {
            throw new InvalidInputException("there must be one source name per shard, and at least "
                    + "one shard (" + shards.size() + " shards, " + sources.size() + " names)");
        }
        Map<Integer, Integer> byIndex = checkSameRun(shards, sources);
        List<Results> ordered = new ArrayList<>();
        List<String> orderedSources = new ArrayList<>();
        byIndex.values().forEach(i -> {
            ordered.add(shards.get(i));
            orderedSources.add(sources.get(i));
        });
        if (ordered.size() == 1) {
            return new Merged(ordered.get(0), List.of(ordered.get(0).run()), orderedSources);
        }
        List<ClaimResult> claims = mergeClaims(ordered, orderedSources);
        Results merged = new Results(mergeRun(ordered), claims, mergeMaps(ordered, claims));
        return new Merged(merged, ordered.stream().map(Results::run).toList(), orderedSources);
    }

    /** A command with its {@code --shard I/N} option removed. */
    public static String withoutShardOption(String command) {
        return SHARD_OPTION.matcher(command).replaceAll("");
    }

    /** Checks the shards come from one run; returns shard index → position in the list. */
    private static Map<Integer, Integer> checkSameRun(List<Results> shards, List<String> sources) {
        RunInfo first = shards.get(0).run();
        Map<Integer, Integer> byIndex = new TreeMap<>();
        for (int k = 0; k < shards.size(); k++) {
            RunInfo run = shards.get(k).run();
            same(sources, k, "version", first, run, RunInfo::version);
            same(sources, k, "seed", first, run, RunInfo::seed);
            same(sources, k, "budget", first, run, r -> r.budget().json());
            same(sources, k, "tries override", first, run, RunInfo::triesOverride);
            same(sources, k, "shard count", first, run, r -> r.shard().count());
            Integer earlier = byIndex.put(run.shard().index(), k);
            if (earlier != null) {
                throw new InvalidInputException(sources.get(earlier) + " and " + sources.get(k)
                        + " are both shard " + run.shard().index() + " of " + run.shard().count());
            }
        }
        int count = first.shard().count();
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(Integer.toString(i));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException((missing.size() == 1 ? "shard " : "shards ")
                    + String.join(", ", missing) + " of " + count + (missing.size() == 1
                    ? " is" : " are") + " missing; give the results folder of every shard");
        }
        return byIndex;
    }

    private static void same(List<String> sources, int k, String role, RunInfo first,
            RunInfo run, Function<RunInfo, Object> value) {
        Object a = value.apply(first);
        Object b = value.apply(run);
        if (!Objects.equals(a, b)) {
            throw new InvalidInputException(sources.get(k) + " has " + role + " " + b + " but "
                    + sources.get(0) + " has " + role + " " + a
                    + "; shards must be slices of the same run");
        }
    }

    private static List<ClaimResult> mergeClaims(List<Results> shards, List<String> sources) {
        Map<String, Integer> owner = new HashMap<>();
        for (int k = 0; k < shards.size(); k++) {
            for (ClaimResult c : shards.get(k).claims()) {
                Integer other = owner.put(c.id(), k);
                if (other != null) {
                    throw new InvalidInputException("claim \"" + c.id() + "\" appears both in "
                            + sources.get(other) + " and in " + sources.get(k));
                }
            }
        }
        // verify deals the catalogue out round-robin (claim i goes to shard i mod N + 1), so
        // dealing the shards' lists back in shard order restores the catalogue order exactly.
        List<ClaimResult> out = new ArrayList<>();
        for (int round = 0; out.size() < owner.size(); round++) {
            for (Results shard : shards) {
                if (round < shard.claims().size()) {
                    out.add(shard.claims().get(round));
                }
            }
        }
        return out;
    }

    private static List<ValidityMap> mergeMaps(List<Results> shards, List<ClaimResult> claims) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            position.put(claims.get(i).id(), i);
        }
        List<ValidityMap> maps = new ArrayList<>();
        shards.forEach(s -> maps.addAll(s.maps()));
        // A stable sort keeps file order among the maps of one claim.
        maps.sort(Comparator.comparingInt(m -> position.get(m.claim())));
        return maps;
    }

    private static RunInfo mergeRun(List<Results> shards) {
        RunInfo first = shards.get(0).run();
        Instant started = first.started();
        double duration = 0;
        int threads = 1;
        for (Results s : shards) {
            RunInfo run = s.run();
            started = run.started().isBefore(started) ? run.started() : started;
            duration = Math.max(duration, run.durationSeconds());
            threads = Math.max(threads, run.threads());
        }
        return new RunInfo(first.version(), first.seed(), first.budget(), first.triesOverride(),
                Shard.WHOLE, started, duration, threads, withoutShardOption(first.command()));
    }
}
