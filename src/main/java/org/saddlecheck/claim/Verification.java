package org.saddlecheck.claim;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.saddlecheck.InvalidInputException;
import org.saddlecheck.Require;

/**
 * Runs a selection of the catalogue: the engine behind {@code ./saddlecheck verify} and the JUnit
 * factories. It selects claims (by id, by shard, fast or deep), reads each claim's budget and
 * words from its spec, searches each claim in turn, and collects the records. It prints nothing;
 * progress goes to a {@link Listener}.
 */
public final class Verification {

    /** The system property giving the master seed: a number, or {@code random}. */
    public static final String SEED_PROPERTY = "saddlecheck.seed";
    /** The system property giving the number of tries per claim. */
    public static final String TRIES_PROPERTY = "saddlecheck.tries";

    /**
     * What to run.
     *
     * @param seed the master seed
     * @param deep include deep claims and use deep budgets
     * @param tries tries per claim overriding the specs, or null
     * @param shardIndex K of the shard K/N, from 1
     * @param shardCount N
     * @param threads threads per claim
     * @param claimIds run only these claims (all when empty); a named deep claim runs even without
     *     {@code deep}
     * @param command the command line, recorded in the results
     */
    public record Options(long seed, boolean deep, Integer tries, int shardIndex, int shardCount,
            int threads, List<String> claimIds, String command) {
        public Options {
            Require.positive("shard count N", shardCount);
            Require.that(shardIndex >= 1 && shardIndex <= shardCount, "shard index K ("
                    + shardIndex + ") must be between 1 and the shard count N (" + shardCount + ")");
            Require.positive("threads", threads);
            if (tries != null) {
                Require.positive("tries", tries);
            }
            claimIds = List.copyOf(claimIds);
        }

        /** The budget's name in the results: custom, deep or default. */
        public String budget() {
            return tries != null ? "custom" : deep ? "deep" : "default";
        }
    }

    /** Progress of a verification. Called from worker threads too: must be thread-safe. */
    public interface Listener extends SearchListener {
        /** Claim {@code index} (from 0) of {@code total} starts, with {@code tries} tries. */
        default void claimStarted(Claim claim, int index, int total, int tries) {
        }

        /** A claim is done. */
        default void claimFinished(RunResults.ClaimRecord record, int index, int total) {
        }

        @Override
        default void tryFinished(String claimId, int done, int total) {
        }

        /** A listener that ignores everything. */
        Listener NONE = new Listener() { };
    }

    private Verification() {
    }

    /**
     * Runs the selected claims of {@code catalogue}.
     *
     * @throws InvalidInputException if a claim id given is not in the catalogue
     */
    public static RunResults run(List<Claim> catalogue, SpecLibrary specs, Options options,
            Listener listener) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<Claim> selected = select(catalogue, options);
        List<RunResults.ClaimRecord> records = new ArrayList<>();
        for (int k = 0; k < selected.size(); k++) {
            RunResults.ClaimRecord record = runOne(selected.get(k), specs, options, listener, k,
                    selected.size());
            records.add(record);
            listener.claimFinished(record, k, selected.size());
        }
        RunResults.Run run = new RunResults.Run(version(), options.seed(), options.budget(),
                options.tries(), options.shardIndex(), options.shardCount(), started,
                (System.nanoTime() - t0) * 1e-9, options.threads(), options.command());
        return new RunResults(run, records, ValidityMaps.of(selected, options.deep()));
    }

    /**
     * The claims a run covers: those named (all when none is), then those whose index in
     * catalogue order is K − 1 modulo N for the shard K/N.
     *
     * @throws InvalidInputException naming a claim id the catalogue does not have
     */
    public static List<Claim> select(List<Claim> catalogue, Options options) {
        for (String id : options.claimIds()) {
            if (catalogue.stream().noneMatch(c -> c.id().equals(id))) {
                throw new InvalidInputException("unknown claim '" + id + "'; the catalogue has "
                        + String.join(", ", catalogue.stream().map(Claim::id).toList()));
            }
        }
        List<Claim> out = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            Claim c = catalogue.get(i);
            boolean named = options.claimIds().isEmpty() || options.claimIds().contains(c.id());
            if (named && i % options.shardCount() == options.shardIndex() - 1) {
                out.add(c);
            }
        }
        return out;
    }

    private static RunResults.ClaimRecord runOne(Claim claim, SpecLibrary specs, Options options,
            Listener listener, int index, int total) {
        String test = claim.family().getName();
        Spec spec;
        try {
            spec = specs.get(claim.id());
        } catch (InvalidInputException e) {
            return new RunResults.ClaimRecord(claim.id(), null, test, "error", e.getMessage(),
                    null);
        }
        boolean named = options.claimIds().contains(claim.id());
        if (spec.deep() && !options.deep() && !named) {
            return new RunResults.ClaimRecord(claim.id(), spec, test, "skipped",
                    "a deep claim; run verify with --deep (or name it with --claim)", null);
        }
        int tries = triesOf(spec, options);
        listener.claimStarted(claim, index, total, tries);
        SearchResult result = Search.run(claim,
                new Search.Settings(options.seed(), tries, options.threads()), listener);
        return new RunResults.ClaimRecord(claim.id(), spec, test, result.status().json(),
                result.message(), result);
    }

    /** The tries of a claim: the override, else the spec's deep or default budget. */
    public static int triesOf(Spec spec, Options options) {
        if (options.tries() != null) {
            return options.tries();
        }
        return options.deep() ? spec.deepTries() : spec.tries();
    }

    /**
     * The assertion message of a claim that did not hold: the minimal counterexample as compact
     * scenario JSON, measured against predicted with the tolerance, and the replay command; or,
     * when there is no counterexample, the reason (coverage not met, too many discards).
     */
    public static String failureMessage(SearchResult result, String replayCommand) {
        SearchResult.Counterexample ce = result.counterexample();
        if (ce == null) {
            return result.message();
        }
        Outcome o = ce.outcome();
        String comparison = o.verdict() == Outcome.Verdict.ERROR ? o.description()
                : "measured " + plain(o.measured()) + " against predicted " + plain(o.predicted())
                        + (Double.isNaN(o.tolerance()) ? " (a bound)"
                                : " with tolerance " + plain(o.tolerance()));
        return "counterexample: " + TrialJson.compact(ce.trial()) + "\n" + comparison
                + "\nreplay: " + replayCommand;
    }

    /** The replay command of a counterexample written to {@code file}. */
    public static String replayCommand(String file, String claimId) {
        return "./saddlecheck replay " + file + " --claim " + claimId;
    }

    /**
     * The master seed named by {@code text}: a whole number, or {@code random} for a fresh one.
     *
     * @throws InvalidInputException if it is neither
     */
    public static long parseSeed(String text) {
        if (text.strip().equalsIgnoreCase("random")) {
            return new SecureRandom().nextLong();
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("seed (" + text + ") must be a whole number or"
                    + " 'random'");
        }
    }

    /** The seed from {@value #SEED_PROPERTY}, else {@link Search#DEFAULT_SEED}. */
    public static long seedFromProperties() {
        String s = System.getProperty(SEED_PROPERTY);
        return s == null || s.isBlank() ? Search.DEFAULT_SEED : parseSeed(s);
    }

    /** The tries from {@value #TRIES_PROPERTY}, else null (each spec's own budget). */
    public static Integer triesFromProperties() {
        String s = System.getProperty(TRIES_PROPERTY);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Require.positive("tries (" + TRIES_PROPERTY + ")", Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(TRIES_PROPERTY + " (" + s + ") must be a whole number");
        }
    }

    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.format(Locale.ROOT, "%.0f", x)
                : Double.toString(x);
    }

    /**
     * The program's version: from the jar's manifest, else from the Maven properties the jar
     * carries, else "development" (running from class folders).
     */
    static String version() {
        String v = Verification.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (java.io.InputStream in = Verification.class.getResourceAsStream(
                "/META-INF/maven/org.saddlecheck/saddlecheck/pom.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                return p.getProperty("version", "development");
            }
        } catch (java.io.IOException e) {
            return "development";
        }
        return "development";
    }
}
